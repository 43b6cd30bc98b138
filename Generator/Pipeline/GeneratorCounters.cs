using System.Threading;

namespace NegLR.Generator.Pipeline;

/// <summary>
/// How often each expensive stage of the ansatz pipeline ran, for tests that must see a stage not run at all (the
/// pipeline's caching tests accept "Unchanged", which a stage that re-ran to an equal result also reports).
/// </summary>
internal sealed class GeneratorCounters
{
    private int _lowerings;
    private int _builds;
    private int _emits;

    /// <summary>[Circuit] bodies bound and lowered (a body cache miss).</summary>
    public int Lowerings => Volatile.Read(ref _lowerings);

    /// <summary>Circuits built from a declaration: a body run or a template expanded, light cones walked.</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>Source files written.</summary>
    public int Emits => Volatile.Read(ref _emits);

    public void CountLowering() => Interlocked.Increment(ref _lowerings);

    public void CountBuild() => Interlocked.Increment(ref _builds);

    public void CountEmit() => Interlocked.Increment(ref _emits);
}
