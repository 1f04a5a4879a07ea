package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ClassificationVocabulary;
import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.descriptor.DescriptorReader.DescriptorFile;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.web.Refusal;
import io.signalbox.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * How a descriptor arrives, in one place for the API and the publish page: a raw body, form files (an ODPS file and
 * its ODCS contracts) or pasted text; each read with the size limit {@code signalbox.descriptor.max-bytes} (bytes, for
 * everything sent together) and its format told by file name, media type or, failing both, its first character.
 */
@ApplicationScoped
public class DescriptorUploads {

    private static final String ADVICE = "a descriptor is far smaller: split the schema or remove embedded data";

    @ConfigProperty(name = "signalbox.descriptor.max-bytes")
    int maxBytes;

    // Read once per descriptor, before the publication's transaction: the council's aliases as they stand now.
    @Inject
    CouncilVocabulary council;

    /** A descriptor sent as the request body; YAML unless the media type says JSON. */
    public ProductDescriptor fromBody(InputStream body, String mediaType) {
        byte[] bytes = RequestBodies.readAtMost(body, maxBytes, ADVICE);
        return DescriptorReader.read(bytes, DescriptorFormat.fromMediaType(mediaType), council.classifications());
    }

    /**
     * A descriptor sent as form files, the ODPS product and its ODCS contracts.
     *
     * @throws Refusal.Malformed on {@code body} when no file was sent
     * @throws Refusal.TooLarge when the files together exceed the limit
     */
    public ProductDescriptor fromFiles(List<FileUpload> files) {
        List<DescriptorFile> descriptorFiles = new ArrayList<>();
        long total = 0;
        for (FileUpload file : files) {
            total += file.size();
            refuseBeyondLimit(total, " in all");
            String name = file.fileName() == null ? file.name() : file.fileName();
            byte[] content = read(file);
            descriptorFiles.add(new DescriptorFile(name, content, formatOf(name, file.contentType(), content)));
        }
        if (descriptorFiles.isEmpty()) {
            throw Refusal.malformed(
                    "The descriptor could not be read",
                    List.of(new io.signalbox.web.FieldProblem(
                            "body", "holds no file: send the ODPS file and its contracts as form files")));
        }
        return DescriptorReader.read(descriptorFiles, council.classifications());
    }

    /** The text of the publish page's form: the chosen file when there is one, else what was pasted (never null). */
    public Pasted fromForm(FileUpload file, String pasted) {
        if (file != null && file.uploadedFile() != null && file.size() > 0) {
            refuseBeyondLimit(file.size(), "");
            byte[] content = read(file);
            return new Pasted(
                    new String(content, StandardCharsets.UTF_8),
                    content,
                    formatOf(file.fileName(), file.contentType(), content),
                    council.classifications());
        }
        String text = pasted == null ? "" : pasted;
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        refuseBeyondLimit(content.length, "");
        return new Pasted(text, content, formatOf(null, null, content), council.classifications());
    }

    /** What the publish form sent: the text to show again, its bytes and format, and the vocabulary to read it with. */
    public record Pasted(String text, byte[] bytes, DescriptorFormat format, ClassificationVocabulary vocabulary) {

        public boolean isBlank() {
            return text.isBlank();
        }

        public ProductDescriptor read() {
            return DescriptorReader.read(bytes, format, vocabulary);
        }
    }

    /**
     * JSON when the file name or media type says so, YAML when they say YAML; otherwise JSON when the content starts
     * like JSON, YAML for everything else (YAML also reads most JSON).
     */
    static DescriptorFormat formatOf(String fileName, String mediaType, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || type.contains("json")) {
            return DescriptorFormat.JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml") || type.contains("yaml")) {
            return DescriptorFormat.YAML;
        }
        for (byte b : content) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' ? DescriptorFormat.JSON : DescriptorFormat.YAML;
            }
        }
        return DescriptorFormat.YAML;
    }

    private void refuseBeyondLimit(long size, String scope) {
        if (size > maxBytes) {
            throw Refusal.tooLarge("is larger than " + maxBytes / 1024 + " KiB" + scope + "; " + ADVICE);
        }
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + file.fileName(), e);
        }
    }
}
