import type { Actor } from '@fupin/contracts';
import type { Principal } from '@fupin/kit';

export function actorOf(p: Principal): Actor {
  return { kind: 'user', id: p.userId, name: p.username };
}
