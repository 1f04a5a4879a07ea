package io.signalbox.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies with a ceiling, so an oversized upload is refused before it is held in memory. */
public final class RequestBodies {

    private RequestBodies() {}

    public static byte[] readAtMost(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = body.read(buffer)) != -1) {
                if (out.size() + read > maxBytes) {
                    throw ProblemException.tooLarge("is larger than " + maxBytes / 1024
                            + " KiB; a descriptor is far smaller: split the schema or remove embedded data");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }
}
