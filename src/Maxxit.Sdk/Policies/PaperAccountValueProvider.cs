using Maxxit.Sdk.Agents;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Policies;

/// <summary>
/// The default provider: every wallet holds <see cref="MaxxitOptions.PaperAccountValueUsd"/> while the paper venues are
/// in use, and the value is unknown otherwise. Hosts trading on real venues register their own provider with
/// <c>UseAccountValueProvider&lt;T&gt;()</c>.
/// </summary>
public sealed class PaperAccountValueProvider : IAccountValueProvider
{
    private readonly decimal? _value;

    /// <summary>Creates the provider from the options.</summary>
    public PaperAccountValueProvider(IOptions<MaxxitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _value = options.Value.UsePaperVenues ? options.Value.PaperAccountValueUsd : null;
    }

    /// <inheritdoc />
    public ValueTask<decimal?> GetAccountValueUsdAsync(AgentDeployment deployment, CancellationToken cancellationToken) => ValueTask.FromResult(_value);
}
