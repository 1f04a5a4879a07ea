package io.signalbox.catalog.descriptor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.HostileText;
import io.signalbox.web.Refusal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns an untrusted request body into plain maps and lists, refusing what could hurt the server: YAML aliases
 * (the "billion laughs"), type tags that name Java classes, nesting deeper than any real descriptor, binary data.
 * Nothing here knows about data products; {@link DescriptorReader} gives the maps their meaning.
 */
public final class DescriptorParser {

    static final int MAX_DEPTH = 24;
    static final int MAX_DOCUMENTS = 20;

    // The YAML 1.2 core schema's own tags: the only ones a descriptor may spell out.
    private static final Set<String> PLAIN_TAGS = Set.of(
            "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq");

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DescriptorParser() {}

    /** The documents in the body, each a map with text keys. */
    public static List<Map<String, Object>> parse(byte[] body, DescriptorFormat format) {
        String text = decode(body);
        if (text.isBlank()) {
            throw refuse("body", "is empty: send an ODPS data product descriptor as YAML or JSON");
        }
        List<Object> documents = format == DescriptorFormat.JSON ? parseJson(text) : parseYaml(text);
        if (documents.size() == 1 && documents.get(0) instanceof List<?> list) {
            // A JSON array of documents sent without a JSON content type reads the same as with one.
            documents = new ArrayList<>(list);
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw refuse("body", "holds more than " + MAX_DOCUMENTS + " documents");
        }
        for (int i = 0; i < documents.size(); i++) {
            screenValues(documents.get(i), "documents[" + i + "]");
        }
        return asMaps(documents);
    }

    private static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                throw refuse("body", "contains binary data: send the descriptor as UTF-8 YAML or JSON text");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw refuse("body", "is not UTF-8 text: send the descriptor as UTF-8 YAML or JSON");
        }
    }

    private static List<Object> parseJson(String text) {
        try {
            Object root = JSON.readValue(text, Object.class);
            if (root instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            return root == null ? List.of() : List.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason = e.getOriginalMessage();
            if (reason != null && reason.contains("nesting depth")) {
                reason = "nesting is deeper than " + MAX_DEPTH + " levels";
            }
            throw refuse("body", "is not valid JSON" + where + ": " + firstLine(reason));
        }
    }

    private static List<Object> parseYaml(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(1)
                .setCodePointLimit(text.length() + 1)
                .setLabel("descriptor")
                .build();
        try {
            screenYamlEvents(settings, text);
            List<Object> documents = new ArrayList<>();
            for (Object document : new Load(settings).loadAllFromString(text)) {
                documents.add(document);
            }
            return documents;
        } catch (MarkedYamlEngineException e) {
            throw refuse("body", "is not valid YAML" + position(e.getProblemMark()) + ": " + firstLine(e.getProblem()));
        } catch (YamlEngineException e) {
            throw refuse("body", "is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Walks the YAML events before anything is built, so that hostile structure is refused with a clear reason and
     * without the cost of composing it.
     */
    private static void screenYamlEvents(LoadSettings settings, String text) {
        int depth = 0;
        int documents = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            if (event instanceof AliasEvent alias) {
                throw refuse(
                        "body",
                        "uses a YAML alias" + position(alias.getStartMark())
                                + ": anchors and aliases are not accepted; write the values out");
            }
            if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
                throw refuse(
                        "body",
                        "uses a YAML anchor" + position(node.getStartMark())
                                + ": anchors and aliases are not accepted; write the values out");
            }
            Optional<String> tag = event instanceof ScalarEvent scalar
                    ? scalar.getTag()
                    : event instanceof CollectionStartEvent collection ? collection.getTag() : Optional.empty();
            if (tag.isPresent() && !PLAIN_TAGS.contains(tag.get())) {
                throw refuse(
                        "body",
                        "uses the YAML type tag " + abbreviate(tag.get()) + position(event.getStartMark())
                                + ": type tags are not accepted; remove it");
            }
            if (event instanceof CollectionStartEvent) {
                if (++depth > MAX_DEPTH) {
                    throw refuse(
                            "body",
                            "nests deeper than " + MAX_DEPTH + " levels" + position(event.getStartMark())
                                    + ": a descriptor never needs that; flatten it");
                }
            } else if (event instanceof MappingEndEvent || event instanceof SequenceEndEvent) {
                depth--;
            } else if (event.getEventId() == Event.ID.DocumentStart && ++documents > MAX_DOCUMENTS) {
                throw refuse("body", "holds more than " + MAX_DOCUMENTS + " documents");
            }
        }
    }

    /**
     * Checks every value below the top: keys must be text (anything else cannot be read as a field, and breaks
     * hashing), and escapes such as "\0" or "\u0000" must not smuggle in what the raw-text check refused.
     */
    private static void screenValues(Object value, String path) {
        if (value instanceof String text) {
            if (HostileText.isUnstorable(text)) {
                throw refuse(
                        path,
                        "contains a control character (such as NUL) or half a surrogate pair written as an escape;"
                                + " remove it");
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw refuse(
                            path,
                            "has a key that is not text (" + abbreviate(String.valueOf(entry.getKey()))
                                    + "); field names are words, such as purpose");
                }
                screenValues(key, path);
                screenValues(entry.getValue(), path + "." + key);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                screenValues(list.get(i), path + "[" + i + "]");
            }
        }
    }

    private static List<Map<String, Object>> asMaps(List<Object> documents) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Object document = documents.get(i);
            if (document == null) {
                continue; // an empty document, e.g. a trailing "---"
            }
            if (!(document instanceof Map<?, ?> map)) {
                problems.add(new FieldProblem(
                        "documents[" + i + "]",
                        "must be a mapping of fields (apiVersion, kind, id, …), not "
                                + DescriptorNode.describe(document)));
                continue;
            }
            // screenValues has already refused any key that is not text, at every level.
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> fields.put((String) key, value));
            maps.add(fields);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The descriptor is not valid", problems);
        }
        if (maps.isEmpty()) {
            throw refuse("body", "holds no document: send an ODPS data product descriptor");
        }
        return maps;
    }

    private static String position(Optional<Mark> mark) {
        return mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("");
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String line = message.lines().findFirst().orElse(message);
        return abbreviate(line);
    }

    private static Refusal.Malformed refuse(String field, String message) {
        return Refusal.malformed("The descriptor could not be read", List.of(new FieldProblem(field, message)));
    }
}
