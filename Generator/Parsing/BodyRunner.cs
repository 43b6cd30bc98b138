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

    // Resolved dispatch-table entries per call site, so a loop does not look the same method up a million times.
    private readonly Dictionary<IOperation, object> _targets = new();

    // One location per call site, shared by every gate it records.
    private readonly Dictionary<IOperation, Location> _siteLocations = new();

    // Call sites whose circuit call already failed: reported once, then skipped, so a bad call in a loop is one problem.
    private readonly HashSet<IOperation> _failedCalls = new();

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
    public static void Run(IOperation body, Circuit circuit, int gateBudget, int stepBudget, List<BodyProblem> problems,
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
