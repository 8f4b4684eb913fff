package dev.kexwatch.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Jackson mapper whose output is safe on a terminal: JSON escapes C0 controls already, and this escapes DEL,
 * the C1 controls (U+0080..U+009F, which some terminals obey) and bidirectional overrides as {@code \\uXXXX}.
 */
final class SafeJson {

    private SafeJson() {
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new Escapes());
        return mapper;
    }

    /** Writes through the mapper: {@code JsonNode.toString()} would use Jackson's own mapper, without the escapes. */
    static String write(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static final class Escapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            int[] codes = ASCII.clone();
            codes[0x7f] = ESCAPE_STANDARD;
            return codes;
        }

        /** Asked for every non-ASCII character; null writes it as it is. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && Text.dangerous((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
