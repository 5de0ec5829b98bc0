using System;
using System.Linq;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Planning;
using ChiBo.Rules.Validation;
using FluentValidation;
using ChiBo.Evaluation;
using ChiBo.Rules;
using ChiBo.Rules.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ChiBo to a host's services.</summary>
public static partial class ChiBoServiceCollectionExtensions
{
    /// <summary>
    /// Registers ChiBo as singletons: the <see cref="WorkingDayCalendar"/> (shipped official years plus
    /// <see cref="ChiBoOptions.HolidayYears"/>), the <see cref="RuleCatalog"/> (the shipped rule sets, or
    /// <see cref="ChiBoOptions.RulesFolder"/>; with <see cref="ChiBoOptions.WatchRulesFolder"/>, a
    /// <see cref="RuleCatalogProvider"/> that follows edits), <see cref="ICaseRules"/>, <see cref="CaseEvaluator"/> and
    /// <see cref="CaseEvaluationService"/>; and <see cref="IClock"/> as <see cref="SystemClock"/> unless the host
    /// registered one. Logging is optional (without <c>AddLogging()</c> nothing is logged). In a host (the generic host,
    /// ASP.NET Core) the options are validated (<see cref="ChiBoOptionsValidator"/>) and the rules loaded at start-up,
    /// by a hosted service, so a broken rules folder stops the host before any request with
    /// <see cref="RuleLoadException"/> listing every problem (file, rule, line); without a host they load when the
    /// catalog is first resolved, with the same exception. Each loaded rule set is logged. FluentValidation's
    /// <see cref="IValidator{T}"/> is registered for <see cref="CaseFile"/> (<see cref="CaseFileValidator"/>),
    /// <see cref="CellFile"/> and <see cref="ChiBoOptions"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, or null for the defaults.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddChiBo(this IServiceCollection services, Action<ChiBoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ChiBoOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Options are validated when first used, and at start-up in a host; so are the rules (ChiBoStartup).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChiBoOptions>, ChiBoOptionsValidation>());
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChiBoStartup>());
        services.TryAddSingleton<IValidator<CaseFile>, CaseFileValidator>();
        services.TryAddSingleton<IValidator<CellFile>, CellFileValidator>();
        services.TryAddSingleton<IValidator<ChiBoOptions>, ChiBoOptionsValidator>();

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ChiBoOptions>>().Value;
            var calendar = settings.HolidayYears.Count == 0 ? WorkingDayCalendar.Default : WorkingDayCalendar.Default.WithYears(settings.HolidayYears);
            return settings.OptionalDaysOff.Count == 0 ? calendar : calendar.WithOptionalDaysOff(settings.OptionalDaysOff);
        });
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ChiBoOptions>>().Value;
            if (!Watching(settings))
            {
                throw new InvalidOperationException("RuleCatalogProvider is registered only with ChiBoOptions.RulesFolder and WatchRulesFolder set");
            }

            return RuleCatalogProvider.Open(settings.RulesFolder!, provider.GetRequiredService<WorkingDayCalendar>(), LoggerOf(provider))
                .GetValueOrThrow();
        });
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ChiBoOptions>>().Value;
            if (Watching(settings))
            {
                // A snapshot: with a watched folder, inject ICaseRules or CaseEvaluationService to follow reloads.
                return provider.GetRequiredService<RuleCatalogProvider>().Current;
            }

            var logger = LoggerOf(provider);
            var calendar = provider.GetRequiredService<WorkingDayCalendar>();
            var loaded = settings.RulesFolder is { } folder ? RuleCatalog.LoadDirectory(folder, calendar) : RuleCatalog.LoadShipped(calendar);
            if (loaded.Value is not { } catalog)
            {
                foreach (var error in loaded.Errors)
                {
                    LogLoadError(logger, error.ToString());
                }

                throw new RuleLoadException(loaded.Errors);
            }

            foreach (var set in catalog.RuleSets)
            {
                LogLoaded(logger, set.Id, set.File ?? "(embedded)", set.EffectiveFrom, set.Workflows.Sum(w => w.Rules.Length));
            }

            return catalog;
        });
        services.TryAddSingleton<ICaseRules>(provider =>
            Watching(provider.GetRequiredService<IOptions<ChiBoOptions>>().Value)
                ? provider.GetRequiredService<RuleCatalogProvider>()
                : provider.GetRequiredService<RuleCatalog>());
        services.TryAddSingleton(provider => new CaseEvaluator(provider.GetRequiredService<ICaseRules>(), provider.GetRequiredService<WorkingDayCalendar>()));
        services.TryAddSingleton(provider => new CaseEvaluationService(
            provider.GetRequiredService<CaseEvaluator>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<IOptions<ChiBoOptions>>(),
            provider.GetService<ILogger<CaseEvaluationService>>() ?? NullLogger<CaseEvaluationService>.Instance,
            Watching(provider.GetRequiredService<IOptions<ChiBoOptions>>().Value) ? provider.GetRequiredService<RuleCatalogProvider>() : null));
        return services;
    }

    private static bool Watching(ChiBoOptions options) => options.WatchRulesFolder && options.RulesFolder is not null;

    private static ILogger LoggerOf(IServiceProvider provider) =>
        (ILogger?)provider.GetService<ILoggerFactory>()?.CreateLogger("ChiBo.Rules") ?? NullLogger.Instance;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rule set {RuleSet} loaded from {File}: in force from {EffectiveFrom}, {Rules} rules")]
    private static partial void LogLoaded(ILogger logger, string ruleSet, string file, LocalDate effectiveFrom, int rules);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Rule file problem: {Problem}")]
    private static partial void LogLoadError(ILogger logger, string problem);
}
