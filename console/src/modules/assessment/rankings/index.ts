import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 季度排名 — published ranking versions, each a table per track with its yellow cards. */
const rankings: ResourcePages = {
  list: lazy(() => import('./RankingList')),
  show: lazy(() => import('./RankingShow')),
  icon: LeaderboardIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.quarterKey)}（${String(r.version)}）`,
};
export default rankings;
