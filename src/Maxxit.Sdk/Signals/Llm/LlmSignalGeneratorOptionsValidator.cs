using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Signals.Llm;

/// <summary>Checks <see cref="LlmSignalGeneratorOptions"/>; each failure names the option and the reason.</summary>
internal sealed class LlmSignalGeneratorOptionsValidator : IValidateOptions<LlmSignalGeneratorOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmSignalGeneratorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SystemPrompt))
        {
            failures.Add($"{nameof(LlmSignalGeneratorOptions.SystemPrompt)}: must not be empty");
        }

        if (options.MaxPostsInPrompt is < 1 or > 500)
        {
            failures.Add($"{nameof(LlmSignalGeneratorOptions.MaxPostsInPrompt)}: must be between 1 and 500");
        }

        if (options.MinConfidence is < 0m or > 1m)
        {
            failures.Add($"{nameof(LlmSignalGeneratorOptions.MinConfidence)}: must be between 0 and 1");
        }

        if (options.Temperature is < 0f or > 2f)
        {
            failures.Add($"{nameof(LlmSignalGeneratorOptions.Temperature)}: must be between 0 and 2");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
