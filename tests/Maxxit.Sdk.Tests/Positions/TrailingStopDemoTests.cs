using Maxxit.Sample.Console;
using Maxxit.Sdk.Positions;
using Spectre.Console;

namespace Maxxit.Sdk.Tests.Positions;

public sealed class TrailingStopDemoTests
{
    [Fact]
    public async Task Sample_position_is_closed_by_its_trailing_stop_on_the_scripted_path()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        await using var sp = TestServices.Build();

        var position = await TrailingStopDemo.RunAsync(sp, console, default);

        Assert.Equal(CloseReason.TrailingStop, position.CloseReason);
        var best = position.Trailing!.BestPrice;
        Assert.Equal(best * 0.97m, position.ExitPrice);
        Assert.Equal(Math.Round(position.EntryPrice * 1.06m, 2), best);
        Assert.True(position.Pnl > 0m);
        Assert.Contains("CLOSED TRAILING_STOP", output.ToString());
    }

    [Theory]
    [InlineData(CloseReason.TrailingStop, "TRAILING_STOP")]
    [InlineData(CloseReason.StopLoss, "STOP_LOSS")]
    [InlineData(CloseReason.TakeProfit, "TAKE_PROFIT")]
    [InlineData(CloseReason.Manual, "MANUAL")]
    [InlineData(CloseReason.External, "EXTERNAL")]
    public void Close_reasons_have_their_api_names(CloseReason reason, string name) => Assert.Equal(name, reason.ToName());
}
