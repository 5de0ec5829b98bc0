using System;
using System.Collections.Generic;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Rules.Validation;
using ChiBo.Testing;
using FluentValidation;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue "For host developers" (item 2): FluentValidation validators enforce on a case built in code exactly what the
/// JSON reader enforces, with the reader's codes and messages, and the evaluator refuses such a case.
/// </summary>
public class ValidatorTests
{
    private static readonly LocalDate Vote = new(2019, 6, 10);

    private static CaseFile WithEvents(IEnumerable<CaseEvent> events) =>
        new(Cases.Person(new LocalDate(1995, 3, 2)), Cases.GrassrootsCell, [.. events]);

    [Fact]
    public void A_case_built_in_code_with_10001_events_is_refused_with_the_readers_code()
    {
        var events = Enumerable.Range(0, CaseFileSerializer.MaxEvents + 1).Select(i => (CaseEvent)new HelperAssigned(Vote, $"dv-{i}"));
        var failure = Assert.Single(new CaseFileValidator().Validate(WithEvents(events)).Errors);
        Assert.Equal("field.invalid", failure.ErrorCode);
        Assert.Equal("Events", failure.PropertyName);
        Assert.Contains("10001 events", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_vote_count_is_refused_naming_the_event_and_the_evaluator_refuses_the_case()
    {
        var events = Cases.Dossier(Vote);
        events.Add(new CellVoted(Vote, VotePurpose.Admission, 12, 9));
        var caseFile = WithEvents(events);

        var failure = Assert.Single(new CaseFileValidator().Validate(caseFile).Errors);
        Assert.Equal("event.invalid", failure.ErrorCode);
        Assert.Equal("Events[10]", failure.PropertyName);
        Assert.Equal("inFavour must be between 0 and fullMembers (9)", failure.ErrorMessage);
        var error = Assert.IsType<CaseFileError>(failure.CustomState);
        Assert.Equal(10, error.EventIndex);

        var result = new CaseEvaluator(Cases.Catalog).Evaluate(caseFile, Vote);
        Assert.False(result.IsValid);
        Assert.Equal("event.invalid", Assert.Single(result.InvalidCase).Code);
        Assert.Equal(result.InvalidCase, result.Errors);
        Assert.Throws<CaseFileException>(() => result.GetValueOrThrow());
    }

    // The reader's check is not repeated on the instance it returned, but every copy is checked again.
    [Fact]
    public void A_case_read_then_extended_in_code_is_checked_again()
    {
        var read = CaseFileSerializer.Read(CaseFileSerializer.Write(WithEvents(Cases.Dossier(Vote)))).GetValueOrThrow();
        Assert.True(new CaseEvaluator(Cases.Catalog).Evaluate(read, Vote).IsValid);
        var extended = read.WithEvent(new CellVoted(Vote, VotePurpose.Admission, 12, 9));
        Assert.Equal("event.invalid", Assert.Single(new CaseEvaluator(Cases.Catalog).Evaluate(extended, Vote).InvalidCase).Code);
    }

    /// <summary>A generated case damaged in one of the ways the reader refuses, chosen by <paramref name="damage"/>.</summary>
    private static CaseFile Damaged(CaseFile file, int damage, Random random)
    {
        var events = file.Events.ToList();
        if (events.Count == 0)
        {
            return new CaseFile(file.Person with { Id = "" }, file.Cell, []);
        }

        var at = random.Next(events.Count);
        switch (Math.Abs(damage % 6))
        {
            case 0: events[at] = new CellVoted(events[at].Date, VotePurpose.Admission, random.Next(11, 20), 10); break;
            case 1: events[at] = new GrassrootsCommitteeVoted(events[at].Date, VotePurpose.Admission, 1, 0); break;
            case 2: events[at] = new HelperAssigned(events[at].Date, " "); break;
            case 3: events[at] = new IntroducerAssigned(events[at].Date, "dv-9", new LocalDate(1899, 1, 1), events[at].Date); break;
            case 4: return new CaseFile(file.Person with { FullName = "" }, file.Cell, [.. events]);
            default: return file;
        }

        return new CaseFile(file.Person, file.Cell, [.. events]);
    }

    // The validator and the reader agree: for generated cases, sound or damaged, the validator's (code, message, path)
    // are the reader's on the same case written as JSON.
    [Property(MaxTest = 150)]
    public bool The_validator_and_the_reader_give_the_same_errors(int seed, int damage)
    {
        var random = new Random(seed);
        var file = Damaged(CaseGenerator.Generate(seed, 1)[0].File, damage, random);
        var fromValidator = new CaseFileValidator().Validate(file).Errors
            .Select(f => (f.ErrorCode, f.ErrorMessage, ((CaseFileError)f.CustomState).Path)).ToList();
        var fromReader = CaseFileSerializer.Read(CaseFileSerializer.Write(file)).Errors.Select(e => (e.Code, e.Message, e.Path)).ToList();
        Assert.True(fromValidator.SequenceEqual(fromReader), string.Join("\n", fromValidator) + "\n---\n" + string.Join("\n", fromReader));
        return true;
    }

    [Fact]
    public void The_cell_validator_gives_the_readers_errors()
    {
        var cell = CellFileSerializer.Read("""{ "formatVersion": 2, "cell": { "id": "cb", "name": "Chi bộ", "kind": "grassrootsCell", "superior": "Quận ủy" } }""");
        Assert.False(cell.IsValid);
    }

    [Fact]
    public void AddChiBo_registers_the_validators()
    {
        using var provider = new ServiceCollection().AddChiBo().BuildServiceProvider();
        Assert.IsType<CaseFileValidator>(provider.GetRequiredService<IValidator<CaseFile>>());
        Assert.IsType<CellFileValidator>(provider.GetRequiredService<IValidator<CellFile>>());
        Assert.NotNull(provider.GetRequiredService<IValidator<Hosting.ChiBoOptions>>());
    }

    [Theory]
    [InlineData("$.events[3].fullMembers", "Events[3].FullMembers")]
    [InlineData("$.person.fullName", "Person.FullName")]
    [InlineData("$", "")]
    public void A_json_path_becomes_a_property_path(string json, string property) =>
        Assert.Equal(property, FailuresFor.PropertyPath(json));
}
