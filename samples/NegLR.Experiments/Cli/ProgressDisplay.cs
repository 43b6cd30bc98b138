using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Spectre.Console;

namespace NegLR.Experiments.Cli;

/// <summary>Counts finished work items and shows progress with an ETA.</summary>
internal interface IProgressSink
{
    void Advance(string? status = null);
}

/// <summary>
/// Progress with ETA: a Spectre.Console bar on an interactive terminal, otherwise (redirected output, tests) a plain
/// line every 10 % on the given writer.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Whether a live progress bar can be drawn.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static void Run(string title, int total, bool live, TextWriter log, Action<IProgressSink> work)
    {
        if (total == 0)
        {
            work(new PlainSink(title, 0, TextWriter.Null));
            return;
        }

        if (live && Interactive)
        {
            AnsiConsole.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(title), maxValue: total);
                    work(new SpectreSink(task));
                });
            return;
        }

        work(new PlainSink(title, total, log));
    }

    private sealed class SpectreSink : IProgressSink
    {
        private readonly ProgressTask _task;

        public SpectreSink(ProgressTask task) => _task = task;

        public void Advance(string? status = null) => _task.Increment(1);
    }

    private sealed class PlainSink : IProgressSink
    {
        private readonly string _title;
        private readonly int _total;
        private readonly TextWriter _log;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _done;
        private int _lastDecile;

        public PlainSink(string title, int total, TextWriter log)
        {
            _title = title;
            _total = total;
            _log = log;
        }

        public void Advance(string? status = null)
        {
            int done = Interlocked.Increment(ref _done);
            int decile = _total == 0 ? 10 : done * 10 / _total;
            lock (_log)
            {
                if (decile > _lastDecile)
                {
                    _lastDecile = decile;
                    double elapsed = _clock.Elapsed.TotalSeconds;
                    double eta = done > 0 ? elapsed * (_total - done) / done : double.NaN;
                    _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{_title}: {done}/{_total} ({100.0 * done / _total:F0} %), {elapsed:F1} s elapsed, ETA {eta:F1} s"));
                }
            }
        }
    }
}
