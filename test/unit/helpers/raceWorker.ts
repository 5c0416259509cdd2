import { spawn } from 'node:child_process';

/**
 * A worker process for races between processes on one SQLite file: it prints a line when ready,
 * and on "go" does its part and prints its result as one JSON line.
 */
export function startRaceWorker<T>(script: string, args: string[]) {
	const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
	let output = '';
	const lines: Array<(line: string) => void> = [];
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString('utf8');
		let newline: number;
		while ((newline = output.indexOf('\n')) >= 0) {
			const line = output.slice(0, newline);
			output = output.slice(newline + 1);
			lines.shift()?.(line);
		}
	});
	const nextLine = () => new Promise<string>((resolve) => lines.push(resolve));
	const ready = nextLine();
	return {
		ready,
		race: () => {
			const result = nextLine();
			child.stdin.write('go\n');
			return result.then((line) => JSON.parse(line) as T);
		},
	};
}
