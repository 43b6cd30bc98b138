using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Runs a checked <c>[Circuit]</c> body at compile time, recording gates on the generator's linked <c>Circuit</c>.
/// It interprets the operation tree (the compiler's own view of the body, with conversions, named and optional
/// arguments and params arrays already resolved), so C# semantics come from the compiler rather than being re-derived
/// from syntax. Budgets bound the work; the first problem that leaves the run in doubt stops it.
/// </summary>
internal sealed partial class BodyRunner
{
    private const int CancellationInterval = 4096;

    private readonly Circuit _circuit;
    private readonly int _gateBudget;
    private readonly int _stepBudget;
    private readonly CancellationToken _cancellationToken;
    private readonly List<BodyProblem> _problems;
    private readonly BodySites _sites;
    private readonly Dictionary<ILocalSymbol, LocalSlot> _locals = new(SymbolEqualityComparer.Default);

    // The storage each local reference and declarator names, by node: a loop reads the same few locals thousands of
    // times, and a lookup by node identity is much cheaper than one by symbol equality.
    private readonly Dictionary<IOperation, LocalSlot> _slotsByNode = new(NodeComparer.Instance);

    // What each call site resolved to (dispatch-table entry, argument order, location, failure), made on first visit,
    // so a loop does not look the same method up a million times.
    private readonly Dictionary<IOperation, CallSite> _calls = new(NodeComparer.Instance);

    private int _steps;
    private IOperation? _loop;

    private BodyRunner(Circuit circuit, int gateBudget, int stepBudget, List<BodyProblem> problems, BodySites sites,
        CancellationToken cancellationToken)
    {
        _sites = sites;
        _circuit = circuit;
        _gateBudget = gateBudget;
        _stepBudget = stepBudget;
        _problems = problems;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Runs <paramref name="body"/> (already checked by <see cref="BodyChecker"/>) on <paramref name="circuit"/>.</summary>
    /// <returns>The steps the run took, at most <paramref name="stepBudget"/> (a run that needs more stops there).</returns>
    public static int Run(IOperation body, Circuit circuit, int gateBudget, int stepBudget, List<BodyProblem> problems,
        BodySites sites, CancellationToken cancellationToken)
    {
        var runner = new BodyRunner(circuit, gateBudget, stepBudget, problems, sites, cancellationToken);
        try
        {
            runner.Execute(body);
        }
        catch (Stop stop)
        {
            problems.Add(stop.Problem);
        }

        // The step that crossed the budget was counted but never taken.
        return Math.Min(runner._steps, stepBudget);
    }

    /// <summary>Counts one step of work; past the budget the run stops at the innermost loop (or here, outside loops).</summary>
    private void Step(IOperation at)
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
    private void Steps(IOperation at, int steps)
    {
        if (steps > _stepBudget - _steps)
        {
            throw StepBudgetExceeded(at);
        }

        _steps += steps;
        _cancellationToken.ThrowIfCancellationRequested();
    }

    private Stop StepBudgetExceeded(IOperation at) => new(new BodyProblem(BodyProblemKind.BudgetExceeded,
        $"The [Circuit] body needs more than {Format(_stepBudget)} steps to run at compile time; " +
        "check the loop bounds (a circuit this large would also be too large to compile into code).",
        _loop is { } loop ? BodyLocations.LoopHeader(loop) : at.Syntax.GetLocation()));

    private Stop GateBudgetExceeded(IOperation call) => new(new BodyProblem(BodyProblemKind.BudgetExceeded,
        $"The [Circuit] body records more than {Format(_gateBudget)} gates, more than a generated kernel can unroll; " +
        "use fewer layers or qubits.",
        BodyLocations.CallSite(call)));

    private static Stop Fail(IOperation at, string message) =>
        new(new BodyProblem(BodyProblemKind.InvalidGateArgument, message, at.Syntax.GetLocation()));

    private static Stop Fail(IOperation at, ArithmeticException exception) =>
        Fail(at, $"'{UnsupportedConstructs.Snippet(at.Syntax)}' would throw at run time: {ExceptionText.Describe(exception)}.");

    private static string Format(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A call site (invocation, property read or user-defined operator) as resolved on its first visit.</summary>
    private sealed class CallSite
    {
        public CallSite(object target) => Target = target;

        /// <summary>A <see cref="CircuitMethod"/>, a <see cref="CircuitProperty"/> or a pure function.</summary>
        public object Target { get; }

        /// <summary>The location every gate the call records shares; made on the first gate.</summary>
        public Location? Location { get; set; }

        /// <summary>The circuit call already failed: reported once, then skipped, so a bad call in a loop is one problem.</summary>
        public bool Failed { get; set; }

        /// <summary>The argument values in source order and the parameter slot each fills (named arguments may be reordered).</summary>
        public IOperation[]? ArgumentValues { get; set; }

        public int[]? ArgumentSlots { get; set; }
    }

    /// <summary>Operation nodes by identity (each node of a body's tree is one object).</summary>
    private sealed class NodeComparer : IEqualityComparer<IOperation>
    {
        public static readonly NodeComparer Instance = new();

        public bool Equals(IOperation? x, IOperation? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOperation obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>Ends the run with a problem; thrown once per read, so exceptions cost nothing on the normal path.</summary>
    private sealed class Stop : Exception
    {
        public Stop(BodyProblem problem)
            : base(problem.Message)
        {
            Problem = problem;
        }

        public BodyProblem Problem { get; }
    }
}
