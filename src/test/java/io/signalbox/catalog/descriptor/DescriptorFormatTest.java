package io.signalbox.catalog.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON is chosen by a JSON media type; everything else is read as YAML. */
class DescriptorFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON; charset=UTF-8", "application/problem+json"})
    void aJsonMediaTypeIsReadAsJson(String mediaType) {
        assertThat(DescriptorFormat.fromMediaType(mediaType)).isEqualTo(DescriptorFormat.JSON);
        assertThat(DescriptorFormat.JSON.label()).isEqualTo("json");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"application/yaml", "text/plain", "application/x-yaml"})
    void anyOtherMediaTypeIsReadAsYaml(String mediaType) {
        assertThat(DescriptorFormat.fromMediaType(mediaType)).isEqualTo(DescriptorFormat.YAML);
        assertThat(DescriptorFormat.YAML.label()).isEqualTo("yaml");
    }
}
