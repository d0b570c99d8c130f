using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>Timestamps, in a chat page, when the last command was sent and when its HTTP response arrived.</summary>
public static class CommandTiming
{
    public static Task InstallAsync(IPage page) => page.EvaluateAsync("""
        () => {
          const now = () => performance.timeOrigin + performance.now();
          const fetch = window.fetch;
          window.fetch = async (...args) => {
            const sent = now();
            const response = await fetch(...args);
            if (String(args[0]).includes("/api/web/commands")) window.__lastCommand = { sent, answered: now() };
            return response;
          };
        }
        """);

    /// <summary>Forgets the last command, so that <see cref="LastAsync"/> waits for the next one.</summary>
    public static Task ResetAsync(IPage page) => page.EvaluateAsync("() => { window.__lastCommand = undefined; }");

    /// <summary>(sent, answered) of the last command, in epoch milliseconds; waits for its response (a push can beat it).</summary>
    public static async Task<(double Sent, double Answered)> LastAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__lastCommand !== undefined");
        var times = await page.EvaluateAsync<double[]>("() => [window.__lastCommand.sent, window.__lastCommand.answered]");
        return (times[0], times[1]);
    }
}
