using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Text;
using Microsoft.AspNetCore.Http;

namespace ChiBo.Server;

/// <summary>
/// Errors as RFC 9457 problem details (<c>application/problem+json</c>) carrying ChiBo's own codes and positions:
/// <c>type</c> names the code, <c>title</c> and <c>detail</c> are in the request's language, <c>code</c> is the stable
/// code, and <c>errors</c> lists every problem with its file, line, column, JSON path and event.
/// </summary>
internal static class Problems
{
    public const string TypeBase = "https://chibo-project.github.io/problems/";

    public static IResult Of(int status, string code, LocalizedText title, Language language, IEnumerable<CaseFileError>? errors = null, LocalizedText? detail = null)
    {
        var list = errors?.ToList() ?? [];
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = code,
            ["title_vi"] = title.Vi,
            ["title_en"] = title.En,
            ["errors"] = list.Select(e => new
            {
                code = e.Code,
                message = e.Message,
                file = e.File,
                line = e.Line,
                column = e.Column,
                path = e.Path,
                @event = e.EventIndex,
                eventType = e.EventType,
                eventDate = e.EventDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
        };
        return Results.Problem(
            detail: detail?.In(language) ?? (list.Count > 0 ? list[0].ToString() : null),
            statusCode: status,
            title: title.In(language),
            type: TypeBase + code,
            extensions: extensions);
    }

    /// <summary>The language of a request: <c>?lang=vi|en</c>, else the first of Accept-Language that ChiBo speaks, else Vietnamese.</summary>
    public static Language LanguageOf(HttpRequest request)
    {
        if (request.Query["lang"].FirstOrDefault() is { } lang)
        {
            return lang == "en" ? Language.English : Language.Vietnamese;
        }

        foreach (var value in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = value.Value.Value ?? string.Empty;
            if (tag.StartsWith("vi", System.StringComparison.OrdinalIgnoreCase))
            {
                return Language.Vietnamese;
            }

            if (tag.StartsWith("en", System.StringComparison.OrdinalIgnoreCase))
            {
                return Language.English;
            }
        }

        return Language.Vietnamese;
    }
}
