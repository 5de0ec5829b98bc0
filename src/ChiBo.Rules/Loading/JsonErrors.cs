using System;
using System.Linq;
using System.Text;

namespace ChiBo.Rules.Loading;

/// <summary>
/// Makes a rule file's JSON error say what an official needs: an unknown property with the closest known name ("did
/// you mean …?"), and a missing comma at the line where the comma is missing (the parser stops at the next value, a
/// line further on).
/// </summary>
internal static class JsonErrors
{
    /// <summary>Every property name a rule file may hold, at any level.</summary>
    private static readonly string[] Known =
    [
        "$schema", "id", "title", "description", "effectiveFrom", "effectiveTo", "sources", "parameters", "workflows", "extensions",
        "kind", "appliesTo", "cells", "superiors", "vi", "en", "value", "unit", "source", "WorkflowName", "Description", "Rules",
        "RuleName", "Expression", "RuleExpressionType", "ErrorMessage", "SuccessEvent", "Enabled", "LocalParams", "messages", "pendingWhen",
        "finding", "sourceNote",
    ];

    public static RuleLoadError Explain(RuleLoadError error, ReadOnlySpan<byte> utf8Json)
    {
        if (error.Code == "json.unknownProperty" && error.Message.Split('\'') is [_, var name, ..])
        {
            var hint = Suggestions.Hint(name, Known);
            if (hint.Length == 0)
            {
                return error;
            }

            // A misspelt required field is also a missing one: say both in the same error.
            var meant = Suggestions.Closest(name, Known)!;
            var missing = Required.Contains(meant, StringComparer.Ordinal) && error.Path is { } path && !HasSibling(utf8Json, path, meant)
                ? $" (the required '{meant}' is then missing)"
                : string.Empty;
            return error with { Message = error.Message + "." + hint + missing };
        }

        if (error.Code == "json.syntax" && error.Line is { } line && line > 1
            && (error.Message.Contains("Expected either ','", StringComparison.Ordinal) || error.Message.Contains("after a value", StringComparison.Ordinal)))
        {
            // The value before the error's position ended without a comma: report the end of that line.
            var lines = Encoding.UTF8.GetString(utf8Json).Split('\n');
            var at = Math.Min(line - 1, lines.Length - 1);
            var column = error.Column ?? 1;
            var before = lines[at][..Math.Min(Math.Max(column - 1, 0), lines[at].Length)];
            if (string.IsNullOrWhiteSpace(before))
            {
                for (var i = at - 1; i >= 0; i--)
                {
                    if (!string.IsNullOrWhiteSpace(lines[i]))
                    {
                        return error with
                        {
                            Message = $"a ',' is missing at the end of line {i + 1} (the next value starts on line {line})",
                            Line = i + 1,
                            Column = lines[i].TrimEnd('\r', ' ', '\t').Length + 1,
                        };
                    }
                }
            }

            return error with { Message = $"a ',' is missing before column {column} of line {line}" };
        }

        return error;
    }

    private static readonly string[] Required = ["id", "title", "effectiveFrom", "sources", "parameters", "workflows", "value", "source", "WorkflowName", "Rules", "RuleName", "Expression", "messages", "vi", "en"];

    /// <summary>Whether the object holding the property at <paramref name="path"/> (e.g. <c>$.workflows[0].Rules[1].Expresion</c>) also has <paramref name="name"/>.</summary>
    private static bool HasSibling(ReadOnlySpan<byte> utf8Json, string path, string name)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(utf8Json.ToArray());
            var element = document.RootElement;
            var parts = System.Text.RegularExpressions.Regex.Matches(path, @"\.([^.\[\]]+)|\[(\d+)\]").ToArray();
            foreach (var part in parts[..^1])
            {
                element = part.Groups[2].Success
                    ? element[int.Parse(part.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]
                    : element.GetProperty(part.Groups[1].Value);
            }

            return element.TryGetProperty(name, out _);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or IndexOutOfRangeException or System.Collections.Generic.KeyNotFoundException or ArgumentException or FormatException)
        {
            return true;
        }
    }
}
