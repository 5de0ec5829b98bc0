using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ChiBo.Serialization;

/// <summary>
/// Finds where a JSON path (<c>$.daysOff[3].date</c>, the form System.Text.Json reports) sits in a document,
/// so that an error found after parsing — a date out of range, a duplicate — can still name its line.
/// </summary>
internal static class JsonLocations
{
    /// <summary>The 1-based line and column (in bytes) of the value at a path, or null when not found or unreadable.</summary>
    internal static (int Line, int Column)? Find(ReadOnlySpan<byte> utf8Json, string path)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        try
        {
            return Walk(utf8Json, path);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (int Line, int Column)? Walk(ReadOnlySpan<byte> utf8Json, string path)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var frames = new List<(string Path, bool IsArray, int Index)>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    continue;
            }

            string current;
            if (frames.Count == 0)
            {
                current = "$";
            }
            else if (frames[^1].IsArray)
            {
                var top = frames[^1];
                current = top.Path + "[" + top.Index.ToString(CultureInfo.InvariantCulture) + "]";
                frames[^1] = top with { Index = top.Index + 1 };
            }
            else
            {
                current = frames[^1].Path + "." + property;
            }

            if (string.Equals(current, path, StringComparison.Ordinal))
            {
                var start = (int)reader.TokenStartIndex;
                var before = utf8Json[..start];
                var lastNewLine = before.LastIndexOf((byte)'\n');
                return (before.Count((byte)'\n') + 1, start - lastNewLine);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Add((current, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return null;
    }
}
