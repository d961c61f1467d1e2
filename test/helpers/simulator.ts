import { PiClient } from '../../src/pi/client.js';
import { SoapClient } from '../../src/soap/client.js';
import { HttpTransport, type TransportOptions } from '../../src/soap/transport.js';
import { startPiSimulator, type PiSimulator, type PiSimulatorOptions } from '../../src/simulator/pi-simulator.js';

export const SIM_USER = 'simulador';
export const SIM_PASSWORD = 'senha-de-teste';

export async function simulator(options: Partial<PiSimulatorOptions> = {}): Promise<PiSimulator> {
  return startPiSimulator({ user: SIM_USER, password: SIM_PASSWORD, ...options });
}

export function clientFor(url: string, options: TransportOptions = {}): { client: PiClient; transport: HttpTransport } {
  const transport = new HttpTransport({ basicAuth: { user: SIM_USER, password: SIM_PASSWORD }, ...options });
  return { client: new PiClient(new SoapClient(transport, url)), transport };
}
