package io.plansim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A YAML or JSON document read into a Jackson tree that remembers, for every node, the file, line and
 * column it came from (keyed by JSON pointer), so validation can point a user at the exact spot.
 * Merging two documents (a child over its parent) keeps each node's own origin.
 */
public final class LocatedDocument {
    private static final JsonFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final ObjectNode root;
    private final Map<String, SourceLocation> locations;
    private final String file;

    private LocatedDocument(ObjectNode root, Map<String, SourceLocation> locations, String file) {
        this.root = root;
        this.locations = locations;
        this.file = file;
    }

    /** Recently parsed scenario texts by (file, text, limits); read-only once stored, handed out as copies. */
    private static final Map<java.util.List<Object>, LocatedDocument> RECENT = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<java.util.List<Object>, LocatedDocument> eldest) {
            return size() > 32;
        }
    };

    /**
     * {@link #parse}, but a text parsed recently is copied instead of parsed again: the scenario loader reads
     * the same files for every what-if on the page and every batch variant, and the YAML parser was most of a
     * load's time. The copy is the caller's to change (the loader removes keys and applies overrides).
     */
    public static LocatedDocument parseRecent(String file, String text) {
        java.util.List<Object> key = java.util.List.of(file, text, Limits.current());
        LocatedDocument doc;
        synchronized (RECENT) {
            doc = RECENT.get(key);
        }
        if (doc == null) {
            doc = parse(file, text);
            synchronized (RECENT) {
                RECENT.put(key, doc);
            }
        }
        return new LocatedDocument(doc.root.deepCopy(), new HashMap<>(doc.locations), doc.file);
    }

    /** Parses a document. UTF-8 BOM and CRLF line ends are accepted. The top level must be a mapping. */
    public static LocatedDocument parse(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        long max = Limits.current().fileBytes();
        if (body.length() > max) {
            throw InputException.of(new SourceLocation(file, 1, 1), "", "a text of " + body.length() + " characters",
                    "at most " + max + "; " + Limits.raise("file-bytes"));
        }
        refuseControlCharacters(file, body);
        boolean json = file.endsWith(".json") || body.stripLeading().startsWith("{");
        Map<String, SourceLocation> locations = new HashMap<>();
        try (JsonParser parser = (json ? JSON : YAML).createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InputException.of(new SourceLocation(file, 1, 1), "", "an empty file",
                        "a scenario is a mapping with at least region, baseYear and horizon");
            }
            JsonNode node = readValue(parser, file, "", locations, 0);
            if (!(node instanceof ObjectNode object)) {
                throw InputException.of(locations.get(""), "", FieldReader.describe(node),
                        "the top level must be a mapping of keys to values");
            }
            if (parser.nextToken() != null) {
                // a YAML stream may hold several documents (---); all but the first would be ignored
                JsonLocation at = parser.currentTokenLocation();
                throw InputException.of(new SourceLocation(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1)), "",
                        "a second document", "one document per file: remove the '---' and what follows, or merge it into the first");
            }
            return new LocatedDocument(object, locations, file);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw InputException.of(new SourceLocation(file, Math.max(line, 1), Math.max(column, 1)), "",
                    "malformed " + (json ? "JSON" : "YAML") + " (" + e.getOriginalMessage() + ")",
                    "fix the syntax at this position");
        } catch (IOException e) {
            throw InputException.of(new SourceLocation(file, 0, 0), "", "unreadable text (" + e.getMessage() + ")",
                    "a UTF-8 YAML or JSON file");
        }
    }

    /**
     * Refuses control characters (other than tab and line ends) with their own line and column: the YAML
     * parser counts some of them (U+0085, U+2028, U+2029) as line breaks and reports later lines wrongly.
     */
    private static void refuseControlCharacters(String file, String body) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                    || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                throw InputException.of(new SourceLocation(file, line, i - lineStart + 1), "",
                        String.format("control character U+%04X", (int) c), "remove it (only tabs and line ends may appear between the text)");
            }
        }
    }

    private static JsonNode readValue(JsonParser p, String file, String pointer, Map<String, SourceLocation> locs, int depth)
            throws IOException {
        JsonLocation at = p.currentTokenLocation();
        locs.put(pointer, new SourceLocation(file, at.getLineNr(), at.getColumnNr()));
        if (depth > Limits.current().nestingDepth()) {
            throw InputException.of(new SourceLocation(file, at.getLineNr(), at.getColumnNr()), fieldPath(pointer),
                    "mappings or lists nested " + depth + " deep", "at most " + Limits.current().nestingDepth() + " levels; "
                            + Limits.raise("depth"));
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    String child = pointer + "/" + escape(name);
                    if (obj.has(name)) {
                        throw InputException.of(new SourceLocation(file, keyAt.getLineNr(), keyAt.getColumnNr()),
                                fieldPath(child), "a second '" + name + "' key", "each key may appear once in a mapping");
                    }
                    p.nextToken();
                    obj.set(name, readValue(p, file, child, locs, depth + 1));
                    // a field is pointed at by its key: that is where a user looks for it
                    locs.put(child, new SourceLocation(file, keyAt.getLineNr(), keyAt.getColumnNr()));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, file, pointer + "/" + i++, locs, depth + 1));
                }
                return arr;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                // .inf and .nan have no decimal value: kept as text, refused where a number is read
                try {
                    return f.numberNode(p.getDecimalValue());
                } catch (JsonProcessingException | NumberFormatException e) {
                    return f.textNode(p.getText());
                }
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw InputException.of(new SourceLocation(file, at.getLineNr(), at.getColumnNr()), fieldPath(pointer),
                        "unsupported token " + t, "mappings, lists, numbers, text and booleans");
        }
    }

    /** Escapes a key for use in a JSON pointer. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** "/drivers/trade/exportTrend" -> "drivers.trade.exportTrend"; array items as [i]. */
    public static String fieldPath(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String key = part.replace("~1", "/").replace("~0", "~");
            if (!key.isEmpty() && key.chars().allMatch(Character::isDigit) && sb.length() > 0) {
                sb.append('[').append(key).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(key);
            }
        }
        return sb.toString();
    }

    public ObjectNode root() {
        return root;
    }

    public String file() {
        return file;
    }

    /** The location of the node at a JSON pointer, or of its nearest located ancestor. */
    public SourceLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation loc = locations.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return new SourceLocation(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /**
     * This document laid over a parent: mappings merge key by key, any other value (a number, a list, a
     * driver's whole time path) replaces the parent's. A child's null removes the parent's key.
     * {@code atomic} names the pointers whose values replace as a unit even when they are mappings.
     */
    public LocatedDocument over(LocatedDocument parent, java.util.function.Predicate<String> atomic) {
        Map<String, SourceLocation> merged = new HashMap<>(parent.locations);
        ObjectNode result = mergeObjects(parent.root, root, "", atomic, merged);
        merged.putAll(locations);
        return new LocatedDocument(result, merged, file);
    }

    /**
     * Merges child into parent; where a child's value replaces or removes the parent's, the parent's locations
     * inside it are dropped from {@code locations}: a field the child's entry lacks must be blamed on the child's
     * entry, not on the line of the parent's that no longer counts.
     */
    private static ObjectNode mergeObjects(ObjectNode parent, ObjectNode child, String pointer,
                                           java.util.function.Predicate<String> atomic, Map<String, SourceLocation> locations) {
        ObjectNode out = parent.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = child.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ptr = pointer + "/" + escape(e.getKey());
            JsonNode mine = e.getValue();
            JsonNode theirs = out.get(e.getKey());
            if (mine.isNull()) {
                out.remove(e.getKey());
                locations.keySet().removeIf(k -> k.equals(ptr) || k.startsWith(ptr + "/"));
            } else if (mine.isObject() && theirs != null && theirs.isObject() && !atomic.test(ptr)) {
                out.set(e.getKey(), mergeObjects((ObjectNode) theirs, (ObjectNode) mine, ptr, atomic, locations));
            } else {
                out.set(e.getKey(), mine.deepCopy());
                locations.keySet().removeIf(k -> k.startsWith(ptr + "/"));
            }
        }
        return out;
    }

    /** Records where a value set from outside the file (a --set override) came from. */
    public void markLocation(String pointer, SourceLocation location) {
        locations.put(pointer, location);
    }
}
