using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>Validates <see cref="HyperliquidOptions"/> when the host starts (ValidateOnStart).</summary>
internal sealed class HyperliquidOptionsValidator : IValidateOptions<HyperliquidOptions>
{
    public ValidateOptionsResult Validate(string? name, HyperliquidOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (HyperliquidOptionsException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
