using System;
using System.Globalization;
using System.Threading;
using NegLR.Experiments.Cli;

namespace NegLR.Experiments;

/// <summary>Entry point: <c>compare</c>, <c>variance</c>, <c>simulate</c> and <c>tune</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        using var cancellation = new CancellationTokenSource();
        // First Ctrl-C: stop after the runs in flight are abandoned (finished runs are already on disk). Second: hard exit.
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine("Stopping… (finished runs are on disk; press Ctrl-C again to quit at once)");
                cancellation.Cancel();
            }
        };
        return CommandLine.Run(args, Console.Out, Console.Error, cancellation.Token);
    }
}
