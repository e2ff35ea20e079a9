package lint

// Config is the configuration that applies to one file.
type Config struct {
	// Rules overrides rule severities by rule ID; SeverityOff turns a rule off.
	Rules map[string]Severity
	// FailLevel is the least severity that makes the run fail.
	FailLevel Severity
	// Settings are passed to rules.
	Settings Settings
	// Ignored files are not linted when found in a directory walk.
	Ignored bool
}

// DefaultConfig is the configuration used when no file configures anything.
func DefaultConfig() *Config {
	return &Config{FailLevel: defaultFailLevel}
}

// defaultFailLevel is the fail level when no configuration sets one.
const defaultFailLevel = SeverityWarning

// SeverityOf returns the severity of rule r under c.
func (c *Config) SeverityOf(r *Rule) Severity {
	if s, ok := c.Rules[r.ID]; ok {
		return s
	}
	return r.Severity
}
