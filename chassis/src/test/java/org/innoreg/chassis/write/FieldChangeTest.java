package org.innoreg.chassis.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class FieldChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void namesEachChangedFieldWithItsOldAndNewValueNestedByDotsListsWhole() throws Exception {
        var changes =
                FieldChange.between(
                        json(
                                "{\"level\":\"PROVINCIAL\",\"nameEn\":\"A\",\"fields\":[\"x\"],\"detail\":{\"tenants\":3,\"floor\":1},"
                                        + "\"version\":1,\"updatedAt\":\"t1\"}"),
                        json(
                                "{\"level\":\"NATIONAL\",\"fields\":[\"x\",\"y\"],\"detail\":{\"tenants\":4,\"floor\":1},"
                                        + "\"accreditedOn\":\"2019-06-15\",\"version\":2,\"updatedAt\":\"t2\"}"));
        assertThat(changes)
                .extracting(FieldChange::field)
                .containsExactly("level", "nameEn", "fields", "detail.tenants", "accreditedOn");
        assertThat(changes.get(0).from().asText()).isEqualTo("PROVINCIAL");
        assertThat(changes.get(0).to().asText()).isEqualTo("NATIONAL");
        assertThat(changes.get(1).to().isNull())
                .as("a field the new state leaves out is null there")
                .isTrue();
        assertThat(changes.get(4).from().isNull()).isTrue();
    }

    @Test
    void anIdenticalStateChangesNoField() throws Exception {
        String state = "{\"a\":1,\"b\":{\"c\":[1,2]},\"version\":3}";
        assertThat(FieldChange.between(json(state), json(state))).isEmpty();
    }

    @Test
    void aLabelChangesWithItsCodeAndIsNotAFieldOfItsOwn() throws Exception {
        var changes =
                FieldChange.between(
                        json(
                                "{\"level\":\"PROVINCIAL\",\"levelLabel\":\"省级\",\"detail\":{\"academy\":\"CAS\",\"academyLabel\":\"中国科学院\"}}"),
                        json(
                                "{\"level\":\"NATIONAL\",\"levelLabel\":\"国家级\",\"detail\":{\"academy\":\"CAE\",\"academyLabel\":\"中国工程院\"},"
                                        + "\"colourLabel\":\"red\"}"));
        // a field that merely ends in "Label" without a code beside it is a field like any other
        assertThat(changes)
                .extracting(FieldChange::field)
                .containsExactly("level", "detail.academy", "colourLabel");
    }
}
