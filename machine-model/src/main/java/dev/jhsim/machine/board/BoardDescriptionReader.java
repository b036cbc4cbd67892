package dev.jhsim.machine.board;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads board descriptions. Numbers may be JSON integers or decimal/0x
 * strings; unknown fields are errors. Every problem becomes one
 * {@link BoardFormatException} line with the JSON path.
 */
public final class BoardDescriptionReader {
    private static final ObjectMapper MAPPER = createMapper();

    private BoardDescriptionReader() {
    }

    private static ObjectMapper createMapper() {
        SimpleModule numbers = new SimpleModule();
        numbers.addDeserializer(Long.class, new NumberDeserializer(false));
        numbers.addDeserializer(long.class, new NumberDeserializer(true));
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(numbers);
    }

    public static BoardDescription parse(String json) throws BoardFormatException {
        try {
            return MAPPER.readValue(json, BoardDescription.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            Collections.sort(known);
            throw new BoardFormatException(pathOf(e), "unknown field, expected one of " + String.join(", ", known));
        } catch (JsonMappingException e) {
            String path = e.getPath().isEmpty() ? "" : pathOf(e);
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String message = cause != null ? cause.getMessage() : e.getOriginalMessage().lines().findFirst()
                    .orElse("invalid value");
            throw new BoardFormatException(path, message);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new BoardFormatException(where, "invalid JSON: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("syntax error"));
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Accepts 123, "123" and "0x7b" for long fields; an absent primitive field is 0. */
    private static final class NumberDeserializer extends JsonDeserializer<Long> {
        private final boolean primitive;

        NumberDeserializer(boolean primitive) {
            this.primitive = primitive;
        }

        @Override
        public Long getNullValue(DeserializationContext ctx) {
            return primitive ? 0L : null;
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText().trim().replace("_", "");
                try {
                    if (text.startsWith("0x") || text.startsWith("0X")) {
                        return Long.parseUnsignedLong(text.substring(2), 16);
                    }
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw JsonMappingException.from(p, "'" + p.getText() + "' is not a number (decimal or 0x hex)");
                }
            }
            throw JsonMappingException.from(p, "expected a number or a numeric string");
        }
    }
}
