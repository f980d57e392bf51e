package org.voc.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A writer's settings are checked when the service starts: a value out of range names its property. */
class GroupCommitConfigTest {

    @Test
    void defaultsApplyUnderTheServicesOwnPrefix() {
        KitWriter.Config config = load(Map.of()).getConfigMapping(KitWriter.Config.class);
        assertEquals(256, config.maxBatch());
        assertEquals(8192, config.queueCapacity());
        assertEquals(Duration.ofSeconds(15), config.commitTimeout());
        assertEquals(Duration.ofSeconds(1), config.retryAfter());
    }

    @Test
    void aValueOutOfRangeStopsTheStartWithItsName() {
        ConfigValidationException e = assertThrows(
                ConfigValidationException.class,
                () -> load(Map.of("kit.writer.max-batch", "0", "kit.writer.retry-after", "0s")));
        String message = e.getMessage();
        assertTrue(message.contains("kit.writer.max-batch"), message);
        assertTrue(message.contains("kit.writer.retry-after"), message);
    }

    private static SmallRyeConfig load(Map<String, String> properties) {
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(KitWriter.Config.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withValidator((BeanValidationConfigValidator) () -> validator)
                .build();
    }
}
