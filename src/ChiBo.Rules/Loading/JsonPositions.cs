using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ChiBo.Rules.Loading;

/// <summary>
/// The line and column (1-based) of every value of a JSON document, by JSON path (<c>$.workflows[0].Rules[2]</c>),
/// so that an error found after deserialisation — a bad expression, a duplicate id — can still name its line.
/// Built in one pass of <see cref="Utf8JsonReader"/> over a document that already parsed.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    public static JsonPositions Scan(ReadOnlySpan<byte> utf8Json)
    {
        var map = new JsonPositions();
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var path = new List<Segment>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = path[^1] with { Name = reader.GetString() };
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                }

                // A value starts here: advance the enclosing array's index, then record the value's position.
                if (path.Count > 0 && path[^1].IsArray)
                {
                    path[^1] = path[^1] with { Index = path[^1].Index + 1 };
                }

                map.positions[Render(path)] = Position(lineStarts, utf8Json, (int)reader.TokenStartIndex);
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    path.Add(new Segment(false, null, -1));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    path.Add(new Segment(true, null, -1));
                }
            }
        }
        catch (JsonException)
        {
            // The document was parsed before; a failure here only leaves later positions unknown.
        }

        return map;
    }

    /// <summary>
    /// The position of the value at a path or, when it is absent (a missing field), of the nearest enclosing value
    /// that exists: an error about <c>$.parameters.x.value</c> then points at the parameter <c>x</c>.
    /// </summary>
    public (int? Line, int? Column) Find(string path)
    {
        while (true)
        {
            if (positions.TryGetValue(path, out var position))
            {
                return (position.Line, position.Column);
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return (null, null);
            }

            path = path[..cut];
        }
    }

    private static (int Line, int Column) Position(List<int> lineStarts, ReadOnlySpan<byte> utf8Json, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = Encoding.UTF8.GetCharCount(utf8Json[lineStarts[line]..offset]) + 1;
        return (line + 1, column);
    }

    private static string Render(List<Segment> path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path)
        {
            if (segment.IsArray)
            {
                text.Append('[').Append(segment.Index).Append(']');
            }
            else
            {
                text.Append('.').Append(segment.Name);
            }
        }

        return text.ToString();
    }

    private readonly record struct Segment(bool IsArray, string? Name, int Index);
}
