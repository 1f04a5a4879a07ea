package io.signalbox.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * One strict reading of JSON for every JSON API: a field the resource does not have, a key given twice, content after
 * the value, or a number where text belongs is refused (400 naming the field, see {@link ErrorMappers}) instead of
 * being ignored or guessed, so that a misspelt {@code lockVersion} can never skip the lost-update check.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Text PostgreSQL can store: a NUL or a lone surrogate is refused by field ({@link HostileText}). */
    static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (HostileText.isUnstorable(text)) {
                throw InvalidFormatException.from(
                        parser, "holds a control or broken character; remove it", text, String.class);
            }
            return text;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.registerModule(
                new SimpleModule("signalbox-storable-text").addDeserializer(String.class, new StorableText()));
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
