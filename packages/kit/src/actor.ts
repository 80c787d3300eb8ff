import type { Actor } from '@fupin/contracts';
import type { Principal } from './http/auth';

/** Who did something, as events and history entries record it: the signed-in user. */
export function actorOf(p: Principal): Actor {
  return { kind: 'user', id: p.userId, name: p.username };
}
