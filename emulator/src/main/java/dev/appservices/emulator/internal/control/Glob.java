package dev.appservices.emulator.internal.control;

import java.util.regex.Pattern;

/**
 * Turns a path glob into a regular expression: {@code **} matches across segments, {@code *} within one segment,
 * {@code ?} one character of a segment; everything else is literal.
 *
 * <p>Hand-written because the JDK's glob matcher works on file-system paths, whose separator and case rules depend
 * on the platform; request paths need the same meaning everywhere.
 */
final class Glob {

    private Glob() {}

    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                flush(literal, regex);
                if (c == '?') {
                    regex.append("[^/]");
                } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return Pattern.compile(regex.toString());
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
