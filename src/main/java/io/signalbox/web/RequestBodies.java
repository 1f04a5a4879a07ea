package io.signalbox.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies with a ceiling, so an oversized upload is refused before it is held in memory. */
public final class RequestBodies {

    private RequestBodies() {}

    /** Reads the body, refusing with 413 beyond {@code maxBytes}; {@code advice} tells the caller what to send instead. */
    public static byte[] readAtMost(InputStream body, int maxBytes, String advice) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = body.read(buffer)) != -1) {
                if (out.size() + read > maxBytes) {
                    throw Refusal.tooLarge("is larger than " + maxBytes / 1024 + " KiB; " + advice);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }
}
