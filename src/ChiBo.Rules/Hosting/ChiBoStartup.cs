using System.Threading;
using System.Threading.Tasks;
using ChiBo.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChiBo.Rules.Hosting;

/// <summary>
/// Loads and validates the rules when the host starts (registered by <c>AddChiBo</c> as an <see cref="IHostedService"/>),
/// so that no request pays for the first load and a broken rules folder stops the host at start-up with
/// <see cref="RuleLoadException"/> naming every file, rule and line — rather than failing the first request.
/// </summary>
internal sealed class ChiBoStartup(System.IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = services.GetRequiredService<ICaseRules>();
        _ = services.GetRequiredService<CaseEvaluationService>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
