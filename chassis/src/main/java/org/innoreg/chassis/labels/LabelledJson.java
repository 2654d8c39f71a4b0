package org.innoreg.chassis.labels;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON bodies read every enum as {@link Labelled#parseAny} does: the code in any case, the Chinese label or an
 * alias. Anything else fails as Jackson's own enum error does (an InvalidFormatException on the enum type),
 * which the problem mappers answer with a 400 listing the codes and their labels.
 */
@Singleton
public class LabelledJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("innoreg-labelled-enums");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new EnumReader(type.getRawClass());
            }
        });
        mapper.registerModule(module);
    }

    static final class EnumReader extends StdScalarDeserializer<Enum<?>> {

        private final Class<?> type;

        EnumReader(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Enum<?>) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getText();
            Enum<?> value = Labelled.parseAny(type, text);
            if (value == null) {
                throw context.weirdStringException(text, type, "not one of the codes or labels");
            }
            return value;
        }
    }
}
