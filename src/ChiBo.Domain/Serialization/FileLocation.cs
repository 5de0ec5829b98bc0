using System.Text;

namespace ChiBo.Serialization;

/// <summary>The one way ChiBo writes where a problem is: <c>file:line:column (JSON path): </c>.</summary>
internal static class FileLocation
{
    internal static StringBuilder Start(string? file, string fallback, int? line, int? column, string? path)
    {
        var text = new StringBuilder(file ?? fallback);
        if (line is { } l)
        {
            text.Append(':').Append(l);
            if (column is { } c)
            {
                text.Append(':').Append(c);
            }
        }

        if (path is not null)
        {
            text.Append(" (").Append(path).Append(')');
        }

        return text.Append(": ");
    }
}
