/** The live terminal view of a run: each phase with its state, a progress bar and files/s while parsing. */
import { Box, Text } from 'ink';
import { escapeTerminal, PHASES, type Phase } from '../../src/index.js';

export interface PhaseState {
  status: 'waiting' | 'running' | 'done';
  ms?: number;
  detail?: string;
}

export interface ProgressState {
  phases: Record<Phase, PhaseState>;
  parsed: number;
  total: number;
  parseStartedAt?: number;
  now: number;
}

const BAR_WIDTH = 30;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function Bar({ done, total }: { done: number; total: number }) {
  const filled = total ? Math.round((done / total) * BAR_WIDTH) : 0;
  return (
    <Text>
      <Text color="cyan">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(BAR_WIDTH - filled)}</Text>
    </Text>
  );
}

export function ProgressView({ state }: { state: ProgressState }) {
  const frame = SPINNER[Math.floor(state.now / 80) % SPINNER.length];
  const elapsed = state.parseStartedAt ? (state.now - state.parseStartedAt) / 1000 : 0;
  const rate = elapsed > 0 ? Math.round(state.parsed / elapsed) : 0;
  return (
    <Box flexDirection="column">
      {PHASES.map((phase) => {
        const p = state.phases[phase];
        const mark =
          p.status === 'done' ? (
            <Text color="green">✔</Text>
          ) : p.status === 'running' ? (
            <Text color="yellow">{frame}</Text>
          ) : (
            <Text dimColor>·</Text>
          );
        return (
          <Box key={phase} gap={1}>
            {mark}
            <Text bold={p.status === 'running'}>{phase.padEnd(9)}</Text>
            {phase === 'parse' && p.status === 'running' ? (
              <Text>
                <Bar done={state.parsed} total={state.total} /> {state.parsed}/{state.total} files · {rate} files/s
              </Text>
            ) : (
              <Text dimColor>
                {escapeTerminal(p.detail ?? '')}
                {p.ms !== undefined ? ` (${Math.round(p.ms)} ms)` : ''}
              </Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
