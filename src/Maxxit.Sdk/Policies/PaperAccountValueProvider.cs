using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Policies;

/// <summary>
/// The default provider: every wallet holds <see cref="MaxxitOptions.PaperAccountValueUsd"/> while every venue in
/// charge is a paper venue, and the value is unknown as soon as one real venue is (a fake account must never size a real
/// trade). Hosts trading on real venues register their own provider with
/// <c>UseAccountValueProvider&lt;T&gt;()</c>.
/// </summary>
public sealed class PaperAccountValueProvider : IAccountValueProvider
{
    private readonly decimal? _value;

    /// <summary>Creates the provider from the options.</summary>
    public PaperAccountValueProvider(IOptions<MaxxitOptions> options, VenueAdapterRegistry venues)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(venues);
        _value = venues.Adapters.Count > 0 && venues.AllSimulated ? options.Value.PaperAccountValueUsd : null;
    }

    /// <inheritdoc />
    public ValueTask<decimal?> GetAccountValueUsdAsync(AgentDeployment deployment, CancellationToken cancellationToken) => ValueTask.FromResult(_value);
}
