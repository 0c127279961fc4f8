namespace Spcncl.Hosting;

/// <summary>Settings that make the site impossible to start (a missing connection string, no default culture). Start-up stops with its message.</summary>
public sealed class SiteConfigurationException(string message) : Exception(message);
