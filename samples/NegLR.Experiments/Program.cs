using System;
using System.Globalization;
using System.Runtime.InteropServices;
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
        // SIGTERM (Slurm's scancel, a container stop, `kill`) stops the same way as the first Ctrl-C; a second SIGTERM
        // terminates at once. It is also the way to stop a runner started as a background job of a non-interactive
        // shell, which starts with SIGINT ignored, so Ctrl-C's handler never runs there.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                Console.Error.WriteLine("Stopping on SIGTERM… (finished runs are on disk; a second SIGTERM quits at once)");
                cancellation.Cancel();
            }
        });
        return CommandLine.Run(args, Console.Out, Console.Error, cancellation.Token);
    }
}
