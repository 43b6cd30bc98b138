using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Runs a lowered <c>[Circuit]</c> body (<see cref="BodyModel"/>) at compile time, recording gates on the generator's
/// linked <c>Circuit</c>. The model carries the compiler's own resolution of the body (conversions, overloads, named and
/// optional arguments, params arrays), so C# semantics come from the compiler rather than being re-derived here; the
/// runner holds no Roslyn object, so the generator runs it downstream of its cached pipeline step. Budgets bound the
/// work; the first problem that leaves the run in doubt stops it.
/// </summary>
/// <remarks>Problems name the node at fault; the caller turns nodes into source locations when it has them.</remarks>
internal sealed partial class BodyRunner
{
    private const int CancellationInterval = 4096;

    private readonly BodyModel _model;
    private readonly Circuit _circuit;
    private readonly int _gateBudget;
    private readonly int _stepBudget;
    private readonly CancellationToken _cancellationToken;
    private readonly List<RunProblem> _problems;
    private readonly BodySites _sites;
    private readonly Func<int, string?> _snippet;
    private readonly BodyValue[] _locals;
    private readonly bool[] _assigned;

    // Circuit calls that already failed: reported once, then skipped, so a bad call in a loop is one problem.
    private readonly HashSet<int> _failedCalls = new();

    private int _steps;
    private int _loop = -1;

    private BodyRunner(BodyModel model, Circuit circuit, int gateBudget, int stepBudget, List<RunProblem> problems, BodySites sites,
        Func<int, string?> snippet, CancellationToken cancellationToken)
    {
        _model = model;
        _sites = sites;
        _circuit = circuit;
        _gateBudget = gateBudget;
        _stepBudget = stepBudget;
        _problems = problems;
        _snippet = snippet;
        _cancellationToken = cancellationToken;
        _locals = new BodyValue[model.LocalTypes.Length];
        _assigned = new bool[model.LocalTypes.Length];
    }

    /// <summary>Runs <paramref name="model"/> (a body <see cref="BodyChecker"/> passed) on <paramref name="circuit"/>.</summary>
    /// <param name="snippet">The source text of a node, quoted in messages such as "'a / b' would throw"; null where there is none.</param>
    /// <returns>The steps the run took, at most <paramref name="stepBudget"/> (a run that needs more stops there).</returns>
    public static int Run(BodyModel model, Circuit circuit, int gateBudget, int stepBudget, List<RunProblem> problems, BodySites sites,
        Func<int, string?>? snippet, CancellationToken cancellationToken)
    {
        var runner = new BodyRunner(model, circuit, gateBudget, stepBudget, problems, sites, snippet ?? (_ => null), cancellationToken);
        try
        {
            runner.Execute(model.Root);
        }
        catch (Stop stop)
        {
            problems.Add(stop.Problem);
        }

        // The step that crossed the budget was counted but never taken.
        return Math.Min(runner._steps, stepBudget);
    }

    /// <summary>
    /// Lowers and runs an operation tree, with problems at their source locations: for tools that hold the tree (the
    /// analyzers' profiling harness); the reader itself goes through <see cref="CircuitBodyReader"/>.
    /// </summary>
    public static int Run(IOperation body, Circuit circuit, int gateBudget, int stepBudget, List<BodyProblem> problems, BodySites sites,
        CancellationToken cancellationToken)
    {
        var operations = new List<IOperation>();
        var model = BodyLowering.Lower(body, operations, cancellationToken);
        var found = new List<RunProblem>();
        int steps = Run(model, circuit, gateBudget, stepBudget, found, sites, n => UnsupportedConstructs.Snippet(operations[n].Syntax), cancellationToken);
        foreach (var problem in found)
        {
            problems.Add(CircuitBodyReader.Locate(problem, operations));
        }

        return steps;
    }

    /// <summary>Counts one step of work; past the budget the run stops at the innermost loop (or here, outside loops).</summary>
    private void Step(int at)
    {
        if (++_steps > _stepBudget)
        {
            throw StepBudgetExceeded(at);
        }

        if (_steps % CancellationInterval == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Counts <paramref name="steps"/> steps at once (allocating an array of that length).</summary>
    private void Steps(int at, int steps)
    {
        if (steps > _stepBudget - _steps)
        {
            throw StepBudgetExceeded(at);
        }

        _steps += steps;
        _cancellationToken.ThrowIfCancellationRequested();
    }

    private ref readonly BodyNode Node(int n) => ref _model.Nodes.ItemRef(n);

    private int Child(int n, int i) => _model.Children[_model.Nodes[n].ChildStart + i];

    private Stop StepBudgetExceeded(int at) => new(new RunProblem(BodyProblemKind.BudgetExceeded,
        $"The [Circuit] body needs more than {Format(_stepBudget)} steps to run at compile time; " +
        "check the loop bounds (a circuit this large would also be too large to compile into code).",
        _loop >= 0 ? _loop : at, _loop >= 0 ? RunProblemSite.LoopHeader : RunProblemSite.Node));

    private Stop GateBudgetExceeded(int call) => new(new RunProblem(BodyProblemKind.BudgetExceeded,
        $"The [Circuit] body records more than {Format(_gateBudget)} gates, more than a generated kernel can unroll; " +
        "use fewer layers or qubits.",
        call, RunProblemSite.CallSite));

    private static Stop Fail(int at, string message) => new(new RunProblem(BodyProblemKind.InvalidGateArgument, message, at, RunProblemSite.Node));

    /// <summary>"'a / b' would throw at run time: what" (without the quote when there is no source text).</summary>
    private string WouldThrow(int at, string what) =>
        _snippet(at) is { } snippet
            ? $"'{snippet}' would throw at run time: {what}"
            : $"An expression of the [Circuit] body would throw at run time: {what}";

    private Stop Fail(int at, ArithmeticException exception) => Fail(at, WouldThrow(at, ExceptionText.Describe(exception)) + ".");

    private static string Format(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    // The checker let through only what this runner handles: reaching here is a bug in the reader, reported as such.
    private InvalidOperationException Unexpected(int n) =>
        new($"The circuit reader cannot run '{_snippet(n) ?? "?"}' ({Node(n).Kind} {Node(n).Text}).");

    /// <summary>Ends the run with a problem; thrown once per read, so exceptions cost nothing on the normal path.</summary>
    private sealed class Stop : Exception
    {
        public Stop(RunProblem problem)
            : base(problem.Message)
        {
            Problem = problem;
        }

        public RunProblem Problem { get; }
    }
}

/// <summary>Which part of a node a problem points at: the node itself, a call from its name on, or a loop's header.</summary>
internal enum RunProblemSite
{
    Node,
    CallSite,
    LoopHeader,
}

/// <summary>A problem the runner found, at a node of the model (<see cref="CircuitBodyReader"/> turns it into a location).</summary>
internal sealed class RunProblem
{
    public RunProblem(BodyProblemKind kind, string message, int node, RunProblemSite site, BodyProblemDetail detail = BodyProblemDetail.None)
    {
        Kind = kind;
        Message = message;
        Node = node;
        Site = site;
        Detail = detail;
    }

    public BodyProblemKind Kind { get; }

    public string Message { get; }

    public int Node { get; }

    public RunProblemSite Site { get; }

    public BodyProblemDetail Detail { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";
}
