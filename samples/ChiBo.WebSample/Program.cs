using System.Linq;
using System.Threading;
using ChiBo.Cases;
using ChiBo.Rules.Hosting;
using ChiBo.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;

var builder = WebApplication.CreateBuilder(args);

// The rules: the shipped ones, or an officials' folder (configuration "ChiBo:RulesFolder"), loaded and validated at
// start-up — a broken folder stops the app before it serves a request, naming the file, rule and line.
builder.Services.AddChiBo(options => options.RulesFolder = builder.Configuration["ChiBo:RulesFolder"]);
var app = builder.Build();

// POST /evaluate?asOf=2019-06-10 with a case file as the body → the contract's answer; bad input → 400 with the errors.
app.MapPost("/evaluate", async (HttpRequest request, string? asOf, IValidator<CaseFile> validator, CaseEvaluationService chibo, CancellationToken cancellationToken) =>
{
    var date = asOf is null ? chibo.Today : LocalDatePattern.Iso.Parse(asOf) is { Success: true } parsed ? parsed.Value : (NodaTime.LocalDate?)null;
    if (date is not { } day)
    {
        return Results.BadRequest(new { errors = new[] { new { code = "asOf.invalid", message = $"asOf must be a date yyyy-MM-dd, not '{asOf}'" } } });
    }

    var read = await CaseFileSerializer.ReadAsync(request.Body, "request body", cancellationToken);   // never a synchronous read
    if (!read.IsValid)
    {
        return Results.BadRequest(new { errors = read.Errors.Select(e => new { code = e.Code, message = e.Message, line = e.Line, path = e.Path }) });
    }

    // The reader already checks what the validator checks; a case built in code (from a form) needs the validator.
    var validation = await validator.ValidateAsync(read.Value, cancellationToken);
    if (!validation.IsValid)
    {
        return Results.ValidationProblem(validation.ToDictionary());
    }

    var result = chibo.Evaluate(read.Value, day);
    return result.IsValid
        ? Results.Json(result.Value, ChiBoJson.Options)
        : Results.BadRequest(new { errors = result.Errors.Select(e => new { code = e.Code, message = e.Message, @event = e.EventIndex }) });
});

app.Run();

/// <summary>The web sample's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
