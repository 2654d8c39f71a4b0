package org.innoreg.chassis.bulk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * The text of an uploaded CSV file, as a bureau's files come: UTF-8 with or without a byte-order
 * mark, or GB18030/GBK (what Excel writes on a Chinese Windows). A {@code charset} named by the
 * request's Content-Type is honoured (but ISO-8859-1, the default HTTP clients add, counts as
 * none); without one, a file that is valid UTF-8 is UTF-8, one that is not but is valid GB18030 (a
 * superset of GBK and GB2312) is GB18030. A byte that does not decode is a 400 problem naming its
 * line and column, never stored as replacement characters.
 */
public final class CsvText {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvText() {}

    /**
     * The {@code charset} parameter of a request's Content-Type (parameter names are
     * case-insensitive), or null.
     */
    public static String charsetOf(jakarta.ws.rs.core.MediaType type) {
        if (type == null) {
            return null;
        }
        return type.getParameters().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("charset"))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The file's text, without a byte-order mark. */
    public static String decode(byte[] bytes, String charsetName) {
        int start =
                bytes.length >= 3
                                && (bytes[0] & 0xFF) == 0xEF
                                && (bytes[1] & 0xFF) == 0xBB
                                && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        if (charsetName != null && !charsetName.isBlank() && !latin1(charsetName)) {
            Charset named = named(charsetName.strip().replace("\"", ""));
            return strict(
                    bytes,
                    start,
                    named,
                    Messages.text(
                            "encoding.as-charset-says",
                            named.equals(StandardCharsets.UTF_8) ? "UTF-8" : named.name()));
        }
        if (start == 3) {
            return strict(bytes, start, StandardCharsets.UTF_8, Messages.text("encoding.utf8-bom"));
        }
        Utf8Scan scan = Utf8Scan.of(bytes);
        if (scan.malformed == 0) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        // Mostly well-formed UTF-8 with a few bad bytes is a damaged UTF-8 file, not a GBK one.
        if (scan.multibyte > 4 * scan.malformed) {
            return strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
        }
        return strict(bytes, 0, GB18030, Messages.text("encoding.neither"));
    }

    /**
     * ISO-8859-1 is what HTTP clients append to any text type by default (HTTP/1.1's old default),
     * not what a bureau's file is in: it is taken as no charset named.
     */
    private static boolean latin1(String name) {
        String n = name.strip().replace("\"", "").toUpperCase(Locale.ROOT);
        return n.equals("ISO-8859-1")
                || n.equals("ISO8859-1")
                || n.equals("LATIN1")
                || n.equals("US-ASCII");
    }

    private static Charset named(String name) {
        try {
            Charset charset = Charset.forName(name);
            String canonical = charset.name().toUpperCase(Locale.ROOT);
            // GBK and GB2312 files are read as GB18030, their superset (Excel's "ANSI" on Chinese
            // Windows).
            return canonical.equals("GBK")
                            || canonical.equals("GB2312")
                            || canonical.equals("X-MS936")
                            || canonical.equals("WINDOWS-936")
                    ? GB18030
                    : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.invalid(
                    "Content-Type", Messages.text("field.charset-unknown", name));
        }
    }

    private static String strict(byte[] bytes, int start, Charset charset, String what) {
        CharsetDecoder decoder =
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out =
                CharBuffer.allocate(
                        (int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length * 2 + 16));
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw undecodable(bytes, start, offset, result.length(), charset, what);
        }
        out.flip();
        return out.toString();
    }

    /**
     * A 400 problem naming the line and column (both from 1) of the first byte that does not
     * decode.
     */
    private static ProblemException undecodable(
            byte[] bytes, int start, int offset, int length, Charset charset, String what) {
        int lineStart = start;
        int line = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column;
        try {
            column =
                    charset.newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart))
                                    .length()
                            + 1;
        } catch (MalformedInputException | UnmappableCharacterException e) {
            column = offset - lineStart + 1;
        } catch (CharacterCodingException e) {
            column = offset - lineStart + 1;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, length)); i++) {
            hex.append(hex.isEmpty() ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        String message = Messages.text("field.byte-not-in-encoding", line, column, hex, what);
        return ProblemException.invalid("body", message).with("line", line).with("column", column);
    }

    /** Well-formed multi-byte sequences and malformed positions of a UTF-8 reading of the bytes. */
    private record Utf8Scan(int multibyte, int malformed) {

        static Utf8Scan of(byte[] bytes) {
            int multibyte = 0;
            int malformed = 0;
            int i = 0;
            while (i < bytes.length) {
                int b = bytes[i] & 0xFF;
                int length =
                        b < 0x80
                                ? 1
                                : b >= 0xC2 && b <= 0xDF
                                        ? 2
                                        : b >= 0xE0 && b <= 0xEF
                                                ? 3
                                                : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
                if (length == 1) {
                    i++;
                    continue;
                }
                boolean ok = length > 0 && i + length <= bytes.length;
                for (int k = 1; ok && k < length; k++) {
                    ok = (bytes[i + k] & 0xC0) == 0x80;
                }
                if (ok) {
                    multibyte++;
                    i += length;
                } else {
                    malformed++;
                    i++;
                }
            }
            return new Utf8Scan(multibyte, malformed);
        }
    }
}
