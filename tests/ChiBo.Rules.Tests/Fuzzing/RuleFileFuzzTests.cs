using System;
using System.Linq;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Rules.Tests.Fuzzing;

/// <summary>
/// Fuzzing the rule-file loader (docs/reliability.md): loading is validation, so any bytes give a rule set or
/// errors naming the file and a place — never an exception — and a rule set that loads evaluates on any facts a
/// case can give without throwing. Seeds are fixed (Replay).
/// </summary>
public class RuleFileFuzzTests
{
    private static Arbitrary<(int Pick, int Seed)> Inputs() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(pick => Gen.Choose(0, int.MaxValue - 1).Select(seed => (pick, seed))).ToArbitrary();

    // Law: a shipped rule file broken one to three ways loads or gives errors that name the file and a place.
    [Property(MaxTest = 300, Replay = "(20260201,20260203)")]
    public Property Any_mutated_shipped_rule_file_loads_or_names_its_errors() =>
        Prop.ForAll(Inputs(), input =>
        {
            var original = RuleFuzz.Shipped[input.Pick % RuleFuzz.Shipped.Length];
            var (bytes, description) = JsonMutator.MutateRandomly(original, input.Seed);
            return true.Collect(RuleFuzz.Outcome(RuleFuzz.LoadChecked(bytes, description)));
        });

    // Law: the same on a small rule file (two workflows, three rules), every mutation kind alone and in a row.
    [Property(MaxTest = 1500, Replay = "(20260202,20260205)")]
    public Property Any_mutated_small_rule_file_loads_or_names_its_errors() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<JsonMutation>();
            var (bytes, description) = input.Pick % 2 == 0
                ? JsonMutator.MutateRandomly(RuleFuzz.Small, input.Seed)
                : JsonMutator.Mutate(RuleFuzz.Small, kinds[input.Seed % kinds.Length], input.Seed);
            return true.Collect(RuleFuzz.Outcome(RuleFuzz.LoadChecked(bytes, description)));
        });

    // Law: any expression loads and then never throws, or is refused naming the rule, its JSON path and its line.
    [Property(MaxTest = 2500, Replay = "(20260203,20260207)")]
    public Property Any_expression_loads_and_evaluates_without_throwing_or_is_refused_naming_the_rule() =>
        Prop.ForAll(Inputs(), input =>
        {
            var expression = RuleFuzz.Expression(new Random(input.Seed));
            var result = RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression);
            foreach (var error in result.Errors)
            {
                Assert.Equal("age.minimum", error.Rule);
                Assert.Equal("cellAdmissionVote", error.Workflow);
                Assert.Equal("$.workflows[0].Rules[0].Expression", error.Path);
                Assert.StartsWith("expression.", error.Code, StringComparison.Ordinal);
            }

            return true.Collect(RuleFuzz.Outcome(result));
        });

    // Law (issue 18): every class of hostile expression — deep nesting hidden behind strings and escapes (on a 256 KB
    // stack), narrowing conversions, null, whole-number division, keywords in any letter case, undocumented operators —
    // is refused where it must be, loads where it must, and a loaded one evaluates on any facts without a rule error.
    [Property(MaxTest = 3000, Replay = "(20261201,20261203)")]
    public Property Each_hostile_class_is_refused_or_loads_and_never_fails_when_run() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kind = RuleFuzz.HostileClasses[input.Pick % RuleFuzz.HostileClasses.Length];
            var (expression, refused) = RuleFuzz.HostileClass(kind, new Random(input.Seed));
            var result = kind == "deep nesting with strings"
                ? RuleFuzz.OnSmallStack(() => RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression))
                : RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression);
            foreach (var error in result.Errors)
            {
                Assert.Equal("age.minimum", error.Rule);
                Assert.Equal("$.workflows[0].Rules[0].Expression", error.Path);
                Assert.StartsWith("expression.", error.Code, StringComparison.Ordinal);
            }

            if (refused is { } mustRefuse)
            {
                Assert.True(mustRefuse != result.IsValid, $"[{kind}] {expression}: {(mustRefuse ? "loaded, must be refused" : "refused, must load: " + result.Errors.FirstOrDefault())}");
            }

            return true.Collect($"{kind}: {RuleFuzz.Outcome(result)}");
        });

    // Law (issue 18): strict values of a rule file — one education level name, exact placeholders, no empty set or
    // workflow, no 'Enabled': false, effectiveFrom within 1930-02-03 … 2100-12-31, no null or undocumented operator —
    // are refused exactly when they break the rule, naming a place; the others load and evaluate.
    [Property(MaxTest = 1500, Replay = "(20261202,20261205)")]
    public Property Strict_values_of_a_rule_file_are_refused_exactly_when_they_break_the_rule() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kind = RuleFuzz.StrictKinds[input.Pick % RuleFuzz.StrictKinds.Length];
            var (bytes, description, refused) = RuleFuzz.StrictFile(kind, new Random(input.Seed));
            var result = RuleFuzz.LoadChecked(bytes, description);
            Assert.True(refused != result.IsValid, $"[{kind}] {description}: {(refused ? "loaded, must be refused" : "refused, must load: " + result.Errors.FirstOrDefault())}");
            return true.Collect($"{kind}: {RuleFuzz.Outcome(result)}");
        });

    // Law: a shipped expression with a typo loads (and never throws) or is refused naming the rule.
    [Property(MaxTest = 1000, Replay = "(20260204,20260209)")]
    public Property Shipped_expressions_with_typos_load_or_are_refused_naming_the_rule() =>
        Prop.ForAll(Inputs(), input =>
        {
            var expression = RuleFuzz.Mutate(RuleFuzz.ShippedExpressions[input.Pick % RuleFuzz.ShippedExpressions.Length], new Random(input.Seed));
            var result = RuleFuzz.LoadChecked(RuleFuzz.OneRule(expression), expression);
            Assert.All(result.Errors, e => Assert.Equal("age.minimum", e.Rule));
            return true.Collect(RuleFuzz.Outcome(result));
        });

    // Law: a catalog of several (mutated) files loads or lists the errors of every file; it never throws.
    [Property(MaxTest = 60, Replay = "(20260205,20260211)")]
    public Property A_catalog_of_mutated_files_loads_or_lists_every_error() =>
        Prop.ForAll(Inputs(), input =>
        {
            var random = new Random(input.Seed);
            var files = Enumerable.Range(0, 1 + (input.Pick % 3)).Select(i =>
            {
                var original = RuleFuzz.Shipped[random.Next(RuleFuzz.Shipped.Length)];
                var bytes = random.Next(3) == 0 ? JsonMutator.MutateRandomly(original, random.Next()).Bytes : original;
                return ($"set{i}.json", bytes);
            }).ToArray();
            var result = RuleCatalog.Load(files);
            Assert.True(result.IsValid != result.Errors.Count > 0);
            Assert.All(result.Errors, e => Assert.Contains(e.File, files.Select(f => f.Item1)));
            return true.Collect(result.IsValid ? "loaded" : result.Errors[0].Code);
        });
}
