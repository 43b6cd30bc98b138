namespace NegLR;

/// <summary>Templates an <see cref="AnsatzAttribute"/> can name instead of a circuit body.</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
enum AnsatzTemplate
{
    /// <summary>No template: the type has a <see cref="CircuitAttribute"/> method.</summary>
    None,
    /// <summary><see cref="Circuit.HardwareEfficient"/>.</summary>
    HardwareEfficient,
    /// <summary><see cref="Circuit.BasicEntanglerLayers"/> with RX.</summary>
    BasicEntanglerLayers,
    /// <summary><see cref="Circuit.StronglyEntanglingLayers"/>.</summary>
    StronglyEntanglingLayers,
}
