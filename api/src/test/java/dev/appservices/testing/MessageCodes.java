package dev.appservices.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Collects the {@code APPSVCnnnn:} messages of a module from its sources and checks them: one code, one text, and
 * every code within the module's ranges. A message is a string literal that starts with the code, followed by the
 * rest of its concatenation; the values concatenated in become {@code {}}, so that two factories building the same
 * text from different variables agree. Reading the sources rather than calling the factories by reflection needs no
 * arguments for them and also finds a code written outside a messages class. A small lexer of its own: it only
 * has to tell strings and comments from code, which no library on the test class path does on its own.
 */
public final class MessageCodes {

    private static final Pattern CODE = Pattern.compile("^(APPSVC(\\d{4})): ");

    /** A message found in the sources: its code, its text (values as {@code {}}), and where it is. */
    public record Message(String code, String text, String where) {

        int number() {
            return Integer.parseInt(code.substring("APPSVC".length()));
        }
    }

    /** A range of codes, both ends included. */
    public record Range(int first, int last) {

        boolean contains(int number) {
            return number >= first && number <= last;
        }
    }

    private MessageCodes() {}

    /** The messages of every {@code .java} file under {@code sourceRoot}. */
    public static List<Message> scan(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            List<Message> messages = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                messages.addAll(
                        scan(Files.readString(file), sourceRoot.relativize(file).toString()));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of one source text. */
    public static List<Message> scan(String source, String where) {
        List<Token> tokens = tokens(source);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Matcher code = token.string() ? CODE.matcher(token.text()) : null;
            if (code != null && code.find()) {
                messages.add(new Message(code.group(1), message(tokens, i), where + ":" + token.line()));
            }
        }
        return messages;
    }

    /**
     * The problems of a module's messages, empty if there are none.
     *
     * @param messages the messages
     * @param ranges   the module's ranges
     * @return one line per code with two texts and per code out of range
     */
    public static List<String> problems(List<Message> messages, List<Range> ranges) {
        List<String> problems = new ArrayList<>();
        Map<String, Message> firstByCode = new TreeMap<>();
        for (Message message : messages) {
            if (ranges.stream().noneMatch(range -> range.contains(message.number()))) {
                problems.add(message.code() + " at " + message.where() + " is outside " + ranges);
            }
            Message first = firstByCode.putIfAbsent(message.code(), message);
            if (first != null && !first.text().equals(message.text())) {
                problems.add(message.code() + " has two texts: \"" + first.text() + "\" at " + first.where() + " and \""
                        + message.text() + "\" at " + message.where());
            }
        }
        return problems;
    }

    /** The text of the concatenation starting at the literal {@code start}, up to the end of the argument. */
    private static String message(List<Token> tokens, int start) {
        StringBuilder text = new StringBuilder(tokens.get(start).text());
        boolean inValue = false;
        int depth = 0;
        for (int i = start + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String symbol = token.string() ? "" : token.text();
            if (depth == 0 && (symbol.equals(")") || symbol.equals(",") || symbol.equals(";") || symbol.equals("}"))) {
                break;
            }
            if (depth == 0 && (token.string() || symbol.equals("+"))) {
                if (inValue) {
                    text.append("{}");
                    inValue = false;
                }
                text.append(token.string() ? token.text() : "");
                continue;
            }
            depth += switch (symbol) {
                case "(", "[", "{" -> 1;
                case ")", "]", "}" -> -1;
                default -> 0;
            };
            inValue = true;
        }
        return inValue ? text.append("{}").toString() : text.toString();
    }

    /** A string literal (its value) or any other character outside comments and white space. */
    private record Token(boolean string, String text, int line) {}

    private static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) + 3;
                tokens.add(new Token(true, source.substring(source.indexOf('\n', i) + 1, end - 3), line));
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (source.charAt(j) != c) {
                    if (source.charAt(j) == '\\') {
                        j++;
                        char escaped = source.charAt(j);
                        value.append(
                                switch (escaped) {
                                    case 'n' -> '\n';
                                    case 't' -> '\t';
                                    default -> escaped;
                                });
                    } else {
                        value.append(source.charAt(j));
                    }
                    j++;
                }
                tokens.add(c == '"' ? new Token(true, value.toString(), line) : new Token(false, "'", line));
                i = j + 1;
            } else {
                tokens.add(new Token(false, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static int count(String source, int from, int to) {
        return (int) source.substring(from, to).chars().filter(c -> c == '\n').count();
    }
}
