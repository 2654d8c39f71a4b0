package org.innoreg.chassis.labels;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON bodies read every enum as {@link Labelled#parseAny} does: the code in any case, the Chinese
 * label or an alias. Anything else fails as Jackson's own enum error does (an
 * InvalidFormatException on the enum type), which the problem mappers answer with a 400 listing the
 * codes and their labels. And every JSON the services write (answers, event data, JSON-lines
 * exports) carries beside each {@link Labelled} field its label as {@code <field>Label} ({@code
 * "level": "NATIONAL", "levelLabel": "国家级"}), written here once rather than by each view; {@code
 * OpenApiDefaults} adds those fields to the view schemas.
 */
@Singleton
public class LabelledJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("innoreg-labelled-enums");
        module.setDeserializerModifier(
                new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(
                            DeserializationConfig config,
                            JavaType type,
                            BeanDescription description,
                            JsonDeserializer<?> deserializer) {
                        return new EnumReader(type.getRawClass());
                    }
                });
        module.setSerializerModifier(
                new BeanSerializerModifier() {
                    @Override
                    public List<BeanPropertyWriter> changeProperties(
                            SerializationConfig config,
                            BeanDescription description,
                            List<BeanPropertyWriter> properties) {
                        List<BeanPropertyWriter> withLabels = new ArrayList<>(properties.size());
                        for (BeanPropertyWriter property : properties) {
                            withLabels.add(property);
                            if (Labelled.class.isAssignableFrom(property.getType().getRawClass())) {
                                withLabels.add(new LabelWriter(property));
                            }
                        }
                        return withLabels;
                    }
                });
        mapper.registerModule(module);
    }

    /**
     * Writes {@code <field>Label}: the Chinese label of the code the field it follows holds;
     * nothing when that is null.
     */
    static final class LabelWriter extends BeanPropertyWriter {

        LabelWriter(BeanPropertyWriter code) {
            super(code, PropertyName.construct(code.getName() + "Label"));
        }

        @Override
        public void serializeAsField(
                Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            if (get(bean) instanceof Labelled code) {
                generator.writeStringField(getName(), code.chinese());
            }
        }
    }

    static final class EnumReader extends StdScalarDeserializer<Enum<?>> {

        private final Class<?> type;

        EnumReader(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
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
