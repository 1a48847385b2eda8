package dev.appservices.emulator.internal.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects message codes from Java sources: each string literal that starts with {@code APPSVCnnnn:} together with
 * the rest of its expression up to the end of the statement (so {@code "APPSVC0580: " + problem + …} is one text),
 * whitespace collapsed. A code used by two different expressions has two texts.
 */
final class MessageCodeCheck {

    private static final Pattern CODE = Pattern.compile("\"(APPSVC[0-9]{4}):");

    private MessageCodeCheck() {}

    /** The texts of every code, by code, from sources by file name. */
    static Map<String, Set<String>> collect(Map<String, String> sources) {
        Map<String, Set<String>> codes = new TreeMap<>();
        sources.values().forEach(source -> {
            Matcher matcher = CODE.matcher(source);
            while (matcher.find()) {
                int end = source.indexOf(';', matcher.start());
                String text = source.substring(matcher.start(), end < 0 ? source.length() : end)
                        .replaceAll("\\s+", " ")
                        .strip();
                text = text.endsWith(")") && !balanced(text)
                        ? text.substring(0, text.length() - 1).strip()
                        : text;
                codes.computeIfAbsent(matcher.group(1), code -> new TreeSet<>()).add(text);
            }
        });
        return codes;
    }

    /** One line per code with more than one text or outside {@code APPSVC<low>}–{@code APPSVC<high>}. */
    static List<String> problems(Map<String, Set<String>> codes, int low, int high) {
        List<String> problems = new ArrayList<>();
        codes.forEach((code, texts) -> {
            int number = Integer.parseInt(code.substring("APPSVC".length()));
            if (number < low || number > high) {
                problems.add(code + " is outside " + String.format("APPSVC%04d-APPSVC%04d", low, high) + ": " + texts);
            }
            if (texts.size() > 1) {
                problems.add(code + " has " + texts.size() + " texts: " + texts);
            }
        });
        return problems;
    }

    /** Whether the parentheses of an expression close as often as they open (string contents ignored). */
    private static boolean balanced(String expression) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' && (i == 0 || expression.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
        }
        return depth == 0;
    }
}
