using System.Text.Json;

namespace CapacityTools.Core.Inventory;

/// <summary>One top-level value of a JSON document: a property of the root object, or an element of its item array.</summary>
internal sealed class JsonBlock(string? name, JsonElement value, long line)
{
    public string? Name { get; } = name;
    public JsonElement Value { get; } = value;
    public long Line { get; } = line;
}

internal enum JsonRootKind { Object, Items, Array }

/// <summary>
/// Reads a JSON document block by block, so each block knows its line and a truncated document
/// still gives the blocks that were complete before the break (the error says where it broke).
/// </summary>
internal static class JsonBlocks
{
    /// <summary>How every inventory JSON is read: comments skipped, trailing commas allowed (as tools and hand edits leave them).</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The same, for a <see cref="JsonDocument"/>.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static List<JsonBlock> Read(byte[] utf8, string? itemsProperty, out JsonRootKind kind, out (string Message, long Line)? error)
    {
        var blocks = new List<JsonBlock>();
        kind = JsonRootKind.Object;
        error = null;
        var lines = new LineCounter(utf8);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                error = ("the input is empty", 1);
                return blocks;
            }
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                kind = JsonRootKind.Array;
                ReadElements(ref reader, lines, blocks);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    var line = lines.LineOf(reader.TokenStartIndex);
                    reader.Read();
                    if (itemsProperty is not null && reader.TokenType == JsonTokenType.StartArray && string.Equals(name, itemsProperty, StringComparison.Ordinal))
                    {
                        kind = JsonRootKind.Items;
                        ReadElements(ref reader, lines, blocks);
                        continue;
                    }
                    using var doc = JsonDocument.ParseValue(ref reader);
                    blocks.Add(new JsonBlock(name, doc.RootElement.Clone(), line));
                }
                if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("the document ends inside the root object", null, null, null);
            }
            else
            {
                error = ("the document is not a JSON object or array", 1);
                return blocks;
            }
            if (reader.Read()) error = ("there is more text after the end of the document", lines.LineOf(reader.TokenStartIndex));
        }
        catch (JsonException ex)
        {
            error = (ex.Message, (ex.LineNumber ?? lines.LineOf(utf8.Length)) + 1);
        }
        return blocks;
    }

    private static void ReadElements(ref Utf8JsonReader reader, LineCounter lines, List<JsonBlock> blocks)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineOf(reader.TokenStartIndex);
            using var doc = JsonDocument.ParseValue(ref reader);
            blocks.Add(new JsonBlock(null, doc.RootElement.Clone(), line));
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("the document ends inside an array", null, null, null);
    }

    /// <summary>Case-insensitive property lookup (tools differ in the case of their keys between versions).</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object) return false;
        if (element.TryGetProperty(name, out value)) return true;
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        return false;
    }

    /// <summary>A property as text (strings as they are, numbers in invariant form), or null.</summary>
    public static string? Text(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
            if (!TryGet(current, name, out current)) return null;
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    // Turns byte offsets into 1-based lines, counting forward from the last offset asked about.
    private sealed class LineCounter(byte[] utf8)
    {
        private long _offset;
        private long _line = 1;

        public long LineOf(long offset)
        {
            if (offset < _offset) { _offset = 0; _line = 1; }
            var end = Math.Min(offset, utf8.Length);
            for (var i = _offset; i < end; i++) if (utf8[i] == (byte)'\n') _line++;
            _offset = end;
            return _line;
        }
    }
}
