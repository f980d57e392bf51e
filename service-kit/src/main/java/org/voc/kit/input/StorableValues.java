package org.voc.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.voc.kit.problem.RefusedValue;

/**
 * JSON values PostgreSQL can never store are refused while the body (or an event) is read, so the answer is a 400
 * naming the field instead of a failed transaction: text with NUL characters, and times outside the years 0001 to
 * 9999. Every request body and every consumed event goes through this one ObjectMapper.
 */
@Singleton
public class StorableValues implements ObjectMapperCustomizer {

    /** The earliest and latest times the services store (PostgreSQL keeps more, no customer needs it). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** True when PostgreSQL and the services' arithmetic can hold this time. */
    public static boolean storable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** Last, so these readers take precedence over the JSR-310 module's own for the same types. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("voc-storable-values");
        module.addDeserializer(String.class, new NulFreeStrings());
        module.addDeserializer(Instant.class, new InRange<>(InstantDeserializer.INSTANT, t -> t));
        module.addDeserializer(
                OffsetDateTime.class, new InRange<>(InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::toInstant));
        module.addDeserializer(
                LocalDate.class,
                new InRange<>(
                        LocalDateDeserializer.INSTANCE, d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)));
        mapper.registerModule(module);
    }

    /** Jackson's own string reading, then the NUL check. */
    static final class NulFreeStrings extends JsonDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new RefusedValue(p, "must not contain NUL characters");
            }
            return value;
        }
    }

    /** A time type read by Jackson's JSR-310 deserializer, then checked against the years PostgreSQL keeps. */
    static final class InRange<T> extends JsonDeserializer<T> {

        private final JsonDeserializer<? extends T> delegate;
        private final java.util.function.Function<T, Instant> instant;

        InRange(JsonDeserializer<? extends T> delegate, java.util.function.Function<T, Instant> instant) {
            this.delegate = delegate;
            this.instant = instant;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = delegate.deserialize(p, ctxt);
            if (value != null) {
                Instant at = instant.apply(value);
                if (!storable(at)) {
                    throw new RefusedValue(p, "must lie in the years 0001 to 9999");
                }
            }
            return value;
        }
    }
}
