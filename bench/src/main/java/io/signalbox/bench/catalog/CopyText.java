package io.signalbox.bench.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format: tab between values, newline after a row, {@code \N} for null, and backslash
 * escapes for the characters that would otherwise end a value or a row.
 */
final class CopyText {

    private final StringBuilder out = new StringBuilder(1 << 20);
    private boolean firstValue = true;

    CopyText text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyText number(long value) {
        separate();
        out.append(value);
        return this;
    }

    CopyText bool(boolean value) {
        separate();
        out.append(value ? 't' : 'f');
        return this;
    }

    /** ISO-8601 with a Z, which PostgreSQL reads as a timestamptz in UTC. */
    CopyText instant(Instant value) {
        return text(value.toString());
    }

    void endRow() {
        out.append('\n');
        firstValue = true;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void separate() {
        if (!firstValue) {
            out.append('\t');
        }
        firstValue = false;
    }
}
