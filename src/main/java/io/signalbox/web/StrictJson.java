package io.signalbox.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

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

    /**
     * A date or instant outside the years 1 to 9999 (ISO 8601's four-digit years), refused as invalid (422) by field:
     * PostgreSQL stores neither year 300000 nor 5000 BC, and no catalog fact is dated there.
     */
    public static final class OutOfRangeDate extends InvalidFormatException {

        OutOfRangeDate(JsonParser parser, Object value, Class<?> type) {
            super(
                    parser,
                    "must be a date between the years 1 and 9999, such as "
                            + (type == LocalDate.class ? "2026-11-30" : "2026-11-30T06:00:00Z"),
                    value,
                    type);
        }
    }

    /** Wraps the Java time deserializers (whatever module provides them) with the range check. */
    static final class StorableDates extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            boolean dated = type == Instant.class
                    || type == OffsetDateTime.class
                    || type == ZonedDateTime.class
                    || type == LocalDate.class
                    || type == LocalDateTime.class;
            return dated ? new InRange(deserializer, type) : deserializer;
        }

        private static final class InRange extends DelegatingDeserializer {

            private final Class<?> type;

            InRange(JsonDeserializer<?> delegate, Class<?> type) {
                super(delegate);
                this.type = type;
            }

            @Override
            protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
                return new InRange(delegate, type);
            }

            @Override
            public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                Object value = super.deserialize(parser, context);
                int year = yearOf(value);
                if (year < 1 || year > 9999) {
                    throw new OutOfRangeDate(parser, value, type);
                }
                return value;
            }

            private static int yearOf(Object value) {
                if (value instanceof Instant instant) {
                    return instant.atOffset(ZoneOffset.UTC).getYear();
                } else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
                    return temporal.get(ChronoField.YEAR);
                }
                return 1; // null, or a value without a year
            }
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
        mapper.registerModule(
                new SimpleModule("signalbox-storable-dates").setDeserializerModifier(new StorableDates()));
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
