using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.DependencyInjection;

/// <summary>
/// An options type with no settings, validated on start, so that a generic host builds the venue registry (and fails on
/// a refused venue mix) when it starts rather than at the first trade.
/// </summary>
internal sealed class VenueSelectionCheck;

/// <summary>Builds the venue registry; its refusal becomes the start-up failure.</summary>
internal sealed class VenueSelectionCheckValidator(IServiceProvider services) : IValidateOptions<VenueSelectionCheck>
{
    public ValidateOptionsResult Validate(string? name, VenueSelectionCheck options)
    {
        try
        {
            services.GetRequiredService<VenueAdapterRegistry>();
            return ValidateOptionsResult.Success;
        }
        catch (MaxxitConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
        catch (OptionsValidationException)
        {
            // A venue's own options are wrong: their own start-up validation reports that, once.
            return ValidateOptionsResult.Skip;
        }
    }
}
